//! flashpoint-engine
