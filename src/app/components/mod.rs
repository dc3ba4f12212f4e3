//! The page's function components, one per file.

pub mod app;
pub mod document_date;
pub mod editor;
pub mod export_menu;
pub mod highlighted_view;
pub mod label_toggles;
pub mod link_list;
pub mod mention_nav;
pub mod notice;
pub mod quotes;
pub mod share_link;
pub mod show_more;
pub mod sidebar;
pub mod timeline;
pub mod undo_clear;
