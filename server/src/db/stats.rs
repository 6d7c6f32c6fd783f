//! The `hall_day_counts` table and the weekly report built from it and from
//! `ratings`. A count is bumped in the transaction of the event it counts, so
//! a replayed request (same idempotency key, no new row) is never counted twice.

use std::collections::BTreeMap;

use kiosk_core::{
    api::Hall,
    date::Date,
    stats::{HallStats, Metric, WeekStats, week_start},
};

use super::{DbError, Tx};

/// Adds one to `metric` of `hall_id` on `day` (`YYYY-MM-DD`).
pub fn bump(tx: &mut Tx<'_>, hall_id: &str, day: &str, metric: Metric) -> Result<(), DbError> {
    tx.execute(
        "INSERT INTO hall_day_counts (hall_id, day, metric, n) VALUES ($1, $2, $3, 1)
         ON CONFLICT (hall_id, day, metric) DO UPDATE SET n = hall_day_counts.n + 1",
        &[&hall_id, &day, &metric.as_str()],
    )?;
    Ok(())
}

/// [`bump`] for a callback, whose hall is its kiosk's. A request that came
/// from no kiosk (the online platform) belongs to no hall and is not counted.
pub fn bump_for_kiosk(
    tx: &mut Tx<'_>,
    kiosk_id: Option<&str>,
    day: &str,
    metric: Metric,
) -> Result<(), DbError> {
    let Some(kiosk) = kiosk_id else {
        return Ok(());
    };
    let hall: Option<String> = tx
        .query("SELECT hall_id FROM kiosks WHERE id = $1", &[&kiosk])?
        .first()
        .map(|r| r.get(0))
        .transpose()?;
    match hall {
        Some(hall) => bump(tx, &hall, day, metric),
        None => Ok(()),
    }
}

/// The weeks of `weeks` (their Mondays) for each of `halls`, every week present.
pub fn report(tx: &mut Tx<'_>, halls: &[Hall], weeks: &[Date]) -> Result<Vec<HallStats>, DbError> {
    let (Some(first), Some(last)) = (weeks.first(), weeks.last()) else {
        return Ok(Vec::new());
    };
    let from = first.to_string();
    let to = last.plus_days(6).unwrap_or(*last).to_string();
    // hall → week → stats
    let mut table: BTreeMap<String, BTreeMap<Date, WeekStats>> = BTreeMap::new();
    fn cell<'t>(
        table: &'t mut BTreeMap<String, BTreeMap<Date, WeekStats>>,
        hall: &str,
        day: &str,
    ) -> Option<&'t mut WeekStats> {
        let week = week_start(Date::parse_iso(day)?);
        let row = table.entry(hall.to_owned()).or_default();
        Some(row.entry(week).or_insert_with(|| WeekStats {
            week: week.to_string(),
            ..WeekStats::default()
        }))
    }
    for r in tx.query(
        "SELECT hall_id, day, metric, n FROM hall_day_counts WHERE day >= $1 AND day <= $2",
        &[&from, &to],
    )? {
        let (hall, day, metric, n): (String, String, String, i64) =
            (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
        if let (Some(metric), Some(w)) = (Metric::parse(&metric), cell(&mut table, &hall, &day)) {
            w.add(metric, u64::try_from(n).unwrap_or(0));
        }
    }
    for r in tx.query(
        "SELECT hall_id, rated_on, level, COUNT(*) FROM ratings
         WHERE rated_on >= $1 AND rated_on <= $2
         GROUP BY hall_id, rated_on, level",
        &[&from, &to],
    )? {
        let (hall, day, level, n): (String, String, i64, i64) =
            (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
        let slot = usize::try_from(level - 1).ok().filter(|i| *i < 5);
        if let (Some(i), Some(w)) = (slot, cell(&mut table, &hall, &day)) {
            w.ratings[i] += u64::try_from(n).unwrap_or(0);
        }
    }
    Ok(halls
        .iter()
        .map(|h| {
            let mut found = table.remove(&h.id).unwrap_or_default();
            HallStats {
                hall_id: h.id.clone(),
                names: h.names.clone(),
                weeks: weeks
                    .iter()
                    .map(|w| {
                        found.remove(w).unwrap_or_else(|| WeekStats {
                            week: w.to_string(),
                            ..WeekStats::default()
                        })
                    })
                    .collect(),
            }
        })
        .collect())
}
