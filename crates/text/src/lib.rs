//! flashpoint-text
