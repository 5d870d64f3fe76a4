//! The on-disk format of the knowledge base (docs/actors.md): what users write.
//! [`crate::KnowledgeBase`] is the runtime form built from it.

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KbFile {
    #[serde(default)]
    pub country: Vec<Spanned<CountryConfig>>,
    #[serde(default)]
    pub body: Vec<Spanned<EntityConfig>>,
    #[serde(default)]
    pub org: Vec<Spanned<EntityConfig>>,
    #[serde(default)]
    pub group: Vec<Spanned<EntityConfig>>,
    #[serde(default)]
    pub person: Vec<Spanned<PersonConfig>>,
    #[serde(default)]
    pub agent: Vec<Spanned<AgentConfig>>,
}

/// The same file without source spans: the build-time JSON translation of the
/// bundled files is read into this (much faster than parsing TOML at start-up).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KbFilePlain {
    #[serde(default)]
    pub country: Vec<CountryConfig>,
    #[serde(default)]
    pub body: Vec<EntityConfig>,
    #[serde(default)]
    pub org: Vec<EntityConfig>,
    #[serde(default)]
    pub group: Vec<EntityConfig>,
    #[serde(default)]
    pub person: Vec<PersonConfig>,
    #[serde(default)]
    pub agent: Vec<AgentConfig>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountryConfig {
    pub id: String,
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub adjectives: Vec<String>,
    #[serde(default)]
    pub capital: Option<String>,
    #[serde(default)]
    pub metonyms: Vec<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Bodies, organisations and groups share one shape.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityConfig {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub sector: Option<String>,
    #[serde(default)]
    pub agent: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub other_sectors: Vec<String>,
    #[serde(default)]
    pub active_from: Option<String>,
    #[serde(default)]
    pub active_to: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonConfig {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub country: String,
    #[serde(default)]
    pub roles: Vec<RoleConfig>,
    #[serde(default)]
    pub default_sector: Option<String>,
    #[serde(default)]
    pub confidence: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleConfig {
    pub title: String,
    #[serde(default)]
    pub kind: Option<String>,
    pub sector: String,
    #[serde(default)]
    pub org: Option<String>,
    #[serde(default)]
    pub from: Option<String>,
    #[serde(default)]
    pub to: Option<String>,
    #[serde(default)]
    pub confidence: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgentConfig {
    pub words: Vec<String>,
    pub sector: String,
    #[serde(default)]
    pub agent: Option<String>,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}
