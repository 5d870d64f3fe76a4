//! flashpoint-geo
