//! The 12348 desk's reads and writes on `callbacks` and its history tables
//! (`callback_attempts`, `callback_notes`).

use kiosk_core::{
    api::{LocalizedText, Preferred, Topic},
    desk::{
        CLAIM_MINUTES, DeskAttempt, DeskDetail, DeskItem, DeskNote, DeskReveal, DeskView, Outcome,
        QUEUE_LIMIT, window,
    },
    hall_time::HallTime,
    mask::{mask_name, mask_phone},
    rules::strip_hidden,
    stats::Metric,
};

use super::{DbError, Row, Tx};

/// What the queue is asked for.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub hall: Option<String>,
    pub topic: Option<Topic>,
    pub view: DeskView,
    pub overdue_only: bool,
}

const SELECT: &str = "SELECT c.reference, c.phone, c.name, c.topic, c.preferred, c.language,
        c.needs, c.may_say_12348, c.note, c.kiosk_id, c.status, c.created_at, c.created_unix,
        c.completed_at, c.tries, c.outcome, c.retry_unix, c.claimed_by, c.claim_until,
        k.hall_id, h.name_zh AS hall_name_zh, h.name_en AS hall_name_en,
        u.display_name AS claimed_by_name
    FROM callbacks c
    LEFT JOIN kiosks k ON k.id = c.kiosk_id
    LEFT JOIN halls h ON h.id = k.hall_id
    LEFT JOIN users u ON u.id = c.claimed_by";

fn json_column<T: serde::de::DeserializeOwned>(r: &Row, col: &str) -> Result<T, DbError> {
    let text: String = r.get(col)?;
    serde_json::from_str(&text).map_err(|e| DbError::Conversion(format!("{col}: {e}")))
}

fn time(unix: i64) -> String {
    HallTime::from_unix(unix).to_rfc3339()
}

/// A row as the desk shows it at `now`: masked, with its window.
fn item(r: &Row, now: i64) -> Result<DeskItem, DbError> {
    let preferred: Preferred = json_column(r, "preferred")?;
    let created_unix: i64 = r.get("created_unix")?;
    let w = window(&preferred, created_unix);
    let closed = r.get::<String>("status")? == "completed";
    let outcome: Option<String> = r.get("outcome")?;
    let claim_until: Option<i64> = r.get("claim_until")?;
    // A claim that has run out is shown as none: anyone may take the request.
    let live_claim = !closed && claim_until.is_some_and(|t| t > now);
    let claimed_by: Option<String> = r.get("claimed_by")?;
    let retry_unix: Option<i64> = r.get("retry_unix")?;
    let hall_name = match (
        r.get::<Option<String>>("hall_name_zh")?,
        r.get::<Option<String>>("hall_name_en")?,
    ) {
        (Some(zh_cn), Some(en)) => Some(LocalizedText { zh_cn, en }),
        _ => None,
    };
    Ok(DeskItem {
        reference: r.get("reference")?,
        hall: r.get("hall_id")?,
        hall_name,
        topic: json_column(r, "topic")?,
        preferred,
        language: json_column(r, "language")?,
        needs: json_column(r, "needs")?,
        may_say_12348: r.get("may_say_12348")?,
        phone_masked: mask_phone(&r.get::<String>("phone")?),
        name_masked: r.get::<Option<String>>("name")?.map(|n| mask_name(&n)),
        visitor_note: r
            .get::<Option<String>>("note")?
            .map(|n| strip_hidden(&n).into_owned()),
        created_at: r.get("created_at")?,
        window_start: time(w.start),
        window_end: time(w.end),
        overdue: !closed && now > w.end,
        tries: u32::try_from(r.get::<i64>("tries")?).unwrap_or(u32::MAX),
        retry_at: retry_unix.filter(|_| !closed).map(time),
        claimed_by: claimed_by.filter(|_| live_claim),
        claimed_by_name: r
            .get::<Option<String>>("claimed_by_name")?
            .filter(|_| live_claim),
        claim_until: claim_until.filter(|_| live_claim).map(time),
        closed: outcome
            .as_deref()
            .and_then(Outcome::parse)
            .filter(|_| closed),
        closed_at: r.get::<Option<String>>("completed_at")?.filter(|_| closed),
    })
}

/// When a request is due: its retry time if it has one, else its window's
/// start. The queue is ordered by this, then by how long it has waited.
fn due(i: &DeskItem) -> String {
    i.retry_at.clone().unwrap_or_else(|| i.window_start.clone())
}

/// The queue under `f` at `now`: the first [`QUEUE_LIMIT`] due, and how many
/// match in all.
pub fn list(tx: &mut Tx<'_>, f: &Filter, now: i64) -> Result<(Vec<DeskItem>, usize), DbError> {
    let hall = f.hall.clone().unwrap_or_default();
    let topic = f
        .topic
        .map(|t| serde_json::to_string(&t).expect("topics serialize"))
        .unwrap_or_default();
    let filters = "($1 = '' OR k.hall_id = $1) AND ($2 = '' OR c.topic = $2)";
    let rows = match f.view {
        DeskView::Closed => tx.query(
            &format!(
                "{SELECT} WHERE c.status = 'completed' AND {filters}
                 ORDER BY c.completed_at DESC, c.reference LIMIT {QUEUE_LIMIT}"
            ),
            &[&hall, &topic],
        )?,
        DeskView::Open | DeskView::Claimed => tx.query(
            &format!(
                "{SELECT} WHERE c.status = 'queued' AND {filters}
                 ORDER BY c.created_unix, c.reference"
            ),
            &[&hall, &topic],
        )?,
    };
    let mut items = rows
        .iter()
        .map(|r| item(r, now))
        .collect::<Result<Vec<_>, _>>()?;
    items.retain(|i| {
        (f.view != DeskView::Claimed || i.claimed_by.is_some()) && (!f.overdue_only || i.overdue)
    });
    if f.view != DeskView::Closed {
        // RFC 3339 at one fixed offset sorts as time does.
        items.sort_by(|a, b| due(a).cmp(&due(b)).then(a.created_at.cmp(&b.created_at)));
    }
    let total = items.len();
    items.truncate(QUEUE_LIMIT);
    Ok((items, total))
}

pub fn find(tx: &mut Tx<'_>, reference: &str, now: i64) -> Result<Option<DeskItem>, DbError> {
    tx.query_opt(&format!("{SELECT} WHERE c.reference = $1"), &[&reference])?
        .map(|r| item(&r, now))
        .transpose()
}

pub fn detail(tx: &mut Tx<'_>, reference: &str, now: i64) -> Result<Option<DeskDetail>, DbError> {
    let Some(item) = find(tx, reference, now)? else {
        return Ok(None);
    };
    let attempts = tx
        .query(
            "SELECT a.at, a.user_id, u.display_name, a.outcome, a.call_after
             FROM callback_attempts a LEFT JOIN users u ON u.id = a.user_id
             WHERE a.reference = $1 ORDER BY a.id",
            &[&reference],
        )?
        .iter()
        .map(|r| {
            let outcome: String = r.get(3)?;
            Ok(DeskAttempt {
                at: r.get(0)?,
                by: r.get(1)?,
                by_name: r.get(2)?,
                outcome: Outcome::parse(&outcome)
                    .ok_or_else(|| DbError::Conversion(format!("outcome {outcome}")))?,
                call_after: r.get(4)?,
            })
        })
        .collect::<Result<_, DbError>>()?;
    let notes = tx
        .query(
            "SELECT n.at, n.user_id, u.display_name, n.kind, n.text
             FROM callback_notes n LEFT JOIN users u ON u.id = n.user_id
             WHERE n.reference = $1 ORDER BY n.id",
            &[&reference],
        )?
        .iter()
        .map(|r| {
            Ok(DeskNote {
                at: r.get(0)?,
                author: r.get(1)?,
                author_name: r.get(2)?,
                kind: r.get(3)?,
                text: strip_hidden(&r.get::<String>(4)?).into_owned(),
            })
        })
        .collect::<Result<_, DbError>>()?;
    Ok(Some(DeskDetail {
        item,
        attempts,
        notes,
    }))
}

/// Why a claim was not given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    Unknown,
    Closed,
    /// Someone else holds it (their display name).
    HeldBy(String),
    /// The caller does not hold it (never claimed, or the claim ran out).
    NotClaimed,
}

/// Claims `reference` for `user` until [`CLAIM_MINUTES`] from `now`: won if it
/// is free, its claim has run out, or the user holds it already (which extends
/// it). One conditional UPDATE, so two operators racing cannot both win.
pub fn claim(
    tx: &mut Tx<'_>,
    reference: &str,
    user: &str,
    now: i64,
) -> Result<Result<(), Refusal>, DbError> {
    let until = now + CLAIM_MINUTES * 60;
    let won = tx.execute(
        "UPDATE callbacks SET claimed_by = $2, claim_until = $3
         WHERE reference = $1 AND status = 'queued'
           AND (claimed_by IS NULL OR claim_until <= $4 OR claimed_by = $2)",
        &[&reference, &user, &until, &now],
    )? == 1;
    if won {
        return Ok(Ok(()));
    }
    why_not(tx, reference, now)
}

fn why_not(tx: &mut Tx<'_>, reference: &str, now: i64) -> Result<Result<(), Refusal>, DbError> {
    Ok(Err(match find(tx, reference, now)? {
        None => Refusal::Unknown,
        Some(i) if i.closed.is_some() => Refusal::Closed,
        Some(DeskItem {
            claimed_by_name: Some(name),
            ..
        }) => Refusal::HeldBy(name),
        Some(_) => Refusal::NotClaimed,
    }))
}

/// Whether `user` holds a live claim on `reference`; if not, why.
pub fn held_by(
    tx: &mut Tx<'_>,
    reference: &str,
    user: &str,
    now: i64,
) -> Result<Result<(), Refusal>, DbError> {
    let mine = tx
        .query_opt(
            "SELECT 1 FROM callbacks WHERE reference = $1 AND status = 'queued'
               AND claimed_by = $2 AND claim_until > $3",
            &[&reference, &user, &now],
        )?
        .is_some();
    if mine {
        return Ok(Ok(()));
    }
    why_not(tx, reference, now)
}

/// Gives a claim back; `false` if `user` did not hold it.
pub fn release(tx: &mut Tx<'_>, reference: &str, user: &str) -> Result<bool, DbError> {
    Ok(tx.execute(
        "UPDATE callbacks SET claimed_by = NULL, claim_until = NULL
         WHERE reference = $1 AND claimed_by = $2 AND status = 'queued'",
        &[&reference, &user],
    )? == 1)
}

pub fn add_note(
    tx: &mut Tx<'_>,
    reference: &str,
    user: Option<&str>,
    kind: &str,
    text: &str,
    now: i64,
) -> Result<(), DbError> {
    tx.execute(
        "INSERT INTO callback_notes (reference, user_id, kind, text, at, at_unix)
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[&reference, &user, &kind, &text, &time(now), &now],
    )?;
    Ok(())
}

/// Records a call by `user` (who holds the claim) and its consequence, and gives
/// the claim back. `next` comes from [`kiosk_core::desk::next`].
pub fn record_outcome(
    tx: &mut Tx<'_>,
    reference: &str,
    user: &str,
    outcome: Outcome,
    call_after: Option<i64>,
    next: kiosk_core::desk::Next,
    now: i64,
) -> Result<(), DbError> {
    tx.execute(
        "INSERT INTO callback_attempts (reference, user_id, outcome, call_after, at, at_unix)
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[
            &reference,
            &user,
            &outcome.as_str(),
            &call_after.map(time),
            &time(now),
            &now,
        ],
    )?;
    let tries = i64::from(next.tries);
    match next.closed {
        Some(closed) => {
            tx.execute(
                "UPDATE callbacks SET status = 'completed', completed_at = $2, outcome = $3,
                     tries = $4, retry_unix = NULL, claimed_by = NULL, claim_until = NULL
                 WHERE reference = $1",
                &[&reference, &time(now), &closed.as_str(), &tries],
            )?;
        }
        None => {
            tx.execute(
                "UPDATE callbacks SET tries = $2, retry_unix = $3,
                     claimed_by = NULL, claim_until = NULL
                 WHERE reference = $1",
                &[&reference, &tries, &next.retry_unix],
            )?;
        }
    }
    Ok(())
}

/// Counts a request reached within its window, on the day it was made, for its
/// kiosk's hall.
pub fn count_in_window(tx: &mut Tx<'_>, item: &DeskItem, now: i64) -> Result<(), DbError> {
    let in_window = HallTime::parse_rfc3339(&item.window_end).is_some_and(|end| now <= end.unix());
    let Some(hall) = item.hall.as_deref().filter(|_| in_window) else {
        return Ok(());
    };
    let day = item.created_at.get(..10).unwrap_or_default();
    super::stats::bump(tx, hall, day, Metric::CallbackInWindow)
}

/// The number and name to call.
pub fn reveal(tx: &mut Tx<'_>, reference: &str) -> Result<Option<DeskReveal>, DbError> {
    tx.query_opt(
        "SELECT phone, name FROM callbacks WHERE reference = $1",
        &[&reference],
    )?
    .map(|r| {
        Ok(DeskReveal {
            phone: r.get(0)?,
            name: r.get(1)?,
        })
    })
    .transpose()
}

/// Deletes the history of requests that are gone (the retention purge).
pub fn purge_orphans(tx: &mut Tx<'_>) -> Result<u64, DbError> {
    let mut n = 0;
    for table in ["callback_attempts", "callback_notes"] {
        n += tx.execute(
            &format!(
                "DELETE FROM {table} WHERE reference NOT IN (SELECT reference FROM callbacks)"
            ),
            &[],
        )?;
    }
    Ok(n)
}
