//! flashpoint-coding
