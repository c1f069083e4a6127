//! Every integration test in one binary (linked once, as mdBook's testsuite
//! is): each module a feature, run against the real `nianbao` binary.
#![allow(dead_code)]

mod common;

mod activities;
mod archive;
mod batch;
mod corpus;
mod diagnostics;
mod docx;
mod figures;
mod gongwen;
mod guide;
mod import;
mod import_files;
mod layers;
mod new;
mod parts;
mod pdf;
mod pdf_reader;
mod seed;
mod serve;
mod serve_browser;
mod shapes;
mod snapshots;
mod writes;
