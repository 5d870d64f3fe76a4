//! flashpoint-syntax
