//! flashpoint-model
