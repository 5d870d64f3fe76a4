//! flashpoint-io
