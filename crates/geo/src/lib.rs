//! flashpoint-geo: an embedded gazetteer with toponym recognition and resolution, and
//! temporal-expression resolution against the article date.
//!
//! * [`Gazetteer::bundled`] — the GeoNames-derived gazetteer compiled into the binary
//!   (countries, first- and second-level regions, ~235k populated places ≥ 500 inhabitants with
//!   alternate names, continents, hand-written news landmarks).
//! * [`find_places`] / [`locate_event`] — toponyms in text, resolved to coordinates.
//! * [`find_dates`] — temporal expressions resolved against the article date.
//! * [`eval_places`] / [`eval_dates`] — scorers for GeoVirus-style XML and TimeML corpora.
//!
//! All spans are byte offsets `[start, end)` into the original text, on char boundaries.

mod dates;
mod eval;
mod gazetteer;
mod normalize;
mod places;
mod words;

pub use dates::{find_dates, TimeMention};
pub use eval::{eval_dates, eval_places, DatesReport, PlacesReport};
pub use gazetteer::{Candidate, Entry, Gazetteer, Kind};
pub use normalize::fold;
pub use places::{find_places, locate_event, EventPlace, PlaceContext, PlaceMention};

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum GeoError {
    #[error("invalid gazetteer artefact: {0}")]
    Artefact(String),
    #[error("i/o error on {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot parse {path}: {msg}")]
    Parse { path: String, msg: String },
}

/// Result alias.
pub type Result<T, E = GeoError> = std::result::Result<T, E>;

/// Great-circle distance in km.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * a.sqrt().min(1.0).asin()
}
