//! flashpoint-actors
