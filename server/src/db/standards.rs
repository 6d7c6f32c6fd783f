//! The `legal_aid_standards` table: standards uploaded in the console.

use super::{DbError, Tx};

/// The upload in force.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Upload {
    pub id: i64,
    pub body: String,
    pub version: String,
    pub uploaded_by: String,
    pub uploaded_by_name: Option<String>,
    pub uploaded_at: String,
}

/// The newest upload, if any.
pub fn latest(tx: &mut Tx<'_>) -> Result<Option<Upload>, DbError> {
    tx.query_opt(
        "SELECT s.id, s.body, s.version, s.uploaded_by, u.display_name, s.uploaded_at
         FROM legal_aid_standards s LEFT JOIN users u ON u.id = s.uploaded_by
         ORDER BY s.id DESC LIMIT 1",
        &[],
    )?
    .map(|r| {
        Ok(Upload {
            id: r.get(0)?,
            body: r.get(1)?,
            version: r.get(2)?,
            uploaded_by: r.get(3)?,
            uploaded_by_name: r.get(4)?,
            uploaded_at: r.get(5)?,
        })
    })
    .transpose()
}

/// Puts `body` in force in place of upload `replaces` (0: none). `false` when
/// another upload replaced it first.
pub fn insert(
    tx: &mut Tx<'_>,
    replaces: i64,
    body: &str,
    version: &str,
    user: &str,
    at: &str,
    unix: i64,
) -> Result<bool, DbError> {
    let inserted = tx.execute(
        "INSERT INTO legal_aid_standards
             (replaces, body, version, uploaded_by, uploaded_at, uploaded_unix)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (replaces) DO NOTHING",
        &[&replaces, &body, &version, &user, &at, &unix],
    )?;
    Ok(inserted == 1)
}
