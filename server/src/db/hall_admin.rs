//! What the hall console reads and changes: a hall's profile and hours (with
//! versions), closures, the services it offers and seats per slot, a day's
//! appointments and check-in, and its kiosks. Every statement runs on both
//! databases.

use std::collections::{BTreeMap, BTreeSet};

use kiosk_core::{
    api::{AppointmentStatus, LocalizedText},
    date::Date,
    hall_admin::{
        AffectedBooking, Attendance, Closure, HallAppointment, HallProfile, HallRecord,
        HallService, Hours, KioskInfo, SlotCapacity, Span,
    },
    hall_time::HallTime,
    mask::{mask_name, mask_phone},
};

use super::{DbError, Row, Tx};
use crate::schedule::Schedule;

/// Days off, and the days open for shorter hours with their sessions.
pub type Closures = (BTreeSet<Date>, BTreeMap<Date, Vec<(u16, u16)>>);

/// The closures of `hall_id` folded into a schedule's holidays (days off) and
/// shorter days.
pub fn closures_into(
    tx: &mut Tx<'_>,
    hall_id: &str,
    mut holidays: BTreeSet<Date>,
) -> Result<Closures, DbError> {
    let mut shorter = BTreeMap::new();
    for r in tx.query(
        "SELECT date, sessions FROM hall_closures WHERE hall_id = $1",
        &[&hall_id],
    )? {
        let Some(date) = Date::parse_iso(&r.get::<String>(0)?) else {
            continue;
        };
        let spans = spans(&r.get::<String>(1)?)?;
        if spans.is_empty() {
            holidays.insert(date);
        } else {
            shorter.insert(date, spans.iter().map(|s| (s.start, s.end)).collect());
        }
    }
    Ok((holidays, shorter))
}

fn spans(json: &str) -> Result<Vec<Span>, DbError> {
    serde_json::from_str(json).map_err(|e| DbError::Conversion(format!("closure sessions: {e}")))
}

fn record(r: &Row) -> Result<HallRecord, DbError> {
    Ok(HallRecord {
        id: r.get("id")?,
        profile: HallProfile {
            names: LocalizedText {
                zh_cn: r.get("name_zh")?,
                en: r.get("name_en")?,
            },
            address: LocalizedText {
                zh_cn: r.get("address_zh")?,
                en: r.get("address_en")?,
            },
            phone: r.get("phone")?,
            opening_hours: LocalizedText {
                zh_cn: r.get("hours_zh")?,
                en: r.get("hours_en")?,
            },
        },
        version: r.get("version")?,
    })
}

/// Every hall, or only `only`, by id.
pub fn halls(tx: &mut Tx<'_>, only: Option<&[String]>) -> Result<Vec<HallRecord>, DbError> {
    let all = tx
        .query("SELECT * FROM halls ORDER BY id", &[])?
        .iter()
        .map(record)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(match only {
        None => all,
        Some(ids) => all.into_iter().filter(|h| ids.contains(&h.id)).collect(),
    })
}

pub fn hall(tx: &mut Tx<'_>, hall_id: &str) -> Result<Option<HallRecord>, DbError> {
    tx.query_opt("SELECT * FROM halls WHERE id = $1", &[&hall_id])?
        .as_ref()
        .map(record)
        .transpose()
}

/// Saves a profile read at `version`; `false` if the hall changed since.
pub fn update_profile(
    tx: &mut Tx<'_>,
    hall_id: &str,
    p: &HallProfile,
    version: i64,
) -> Result<bool, DbError> {
    Ok(tx.execute(
        "UPDATE halls SET name_zh = $3, name_en = $4, address_zh = $5, address_en = $6,
             phone = $7, hours_zh = $8, hours_en = $9, version = version + 1
         WHERE id = $1 AND version = $2",
        &[
            &hall_id,
            &version,
            &p.names.zh_cn,
            &p.names.en,
            &p.address.zh_cn,
            &p.address.en,
            &p.phone,
            &p.opening_hours.zh_cn,
            &p.opening_hours.en,
        ],
    )? == 1)
}

/// Adds a hall (no hours, services or kiosks yet); `false` if the id is taken.
pub fn insert_hall(tx: &mut Tx<'_>, id: &str, p: &HallProfile) -> Result<bool, DbError> {
    Ok(tx.execute(
        "INSERT INTO halls (id, name_zh, name_en, address_zh, address_en, phone, hours_zh, hours_en)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING",
        &[
            &id,
            &p.names.zh_cn,
            &p.names.en,
            &p.address.zh_cn,
            &p.address.en,
            &p.phone,
            &p.opening_hours.zh_cn,
            &p.opening_hours.en,
        ],
    )? == 1)
}

/// The weekly opening pattern, Monday first.
pub fn hours(tx: &mut Tx<'_>, hall_id: &str) -> Result<Option<Hours>, DbError> {
    let Some(h) = tx.query_opt(
        "SELECT slot_minutes, hours_version FROM halls WHERE id = $1",
        &[&hall_id],
    )?
    else {
        return Ok(None);
    };
    let mut weekdays = vec![Vec::new(); 7];
    for r in tx.query(
        "SELECT weekday, start_minute, end_minute FROM hall_sessions
         WHERE hall_id = $1 ORDER BY weekday, start_minute",
        &[&hall_id],
    )? {
        let day: usize = r.get(0)?;
        if let Some(d) = weekdays.get_mut(day.wrapping_sub(1)) {
            d.push(Span {
                start: r.get(1)?,
                end: r.get(2)?,
            });
        }
    }
    Ok(Some(Hours {
        slot_minutes: h.get(0)?,
        weekdays,
        version: h.get(1)?,
    }))
}

/// Replaces the weekly pattern read at `hours.version`; `false` if it changed since.
pub fn set_hours(tx: &mut Tx<'_>, hall_id: &str, hours: &Hours) -> Result<bool, DbError> {
    if tx.execute(
        "UPDATE halls SET slot_minutes = $3, hours_version = hours_version + 1
         WHERE id = $1 AND hours_version = $2",
        &[&hall_id, &hours.version, &hours.slot_minutes],
    )? != 1
    {
        return Ok(false);
    }
    tx.execute("DELETE FROM hall_sessions WHERE hall_id = $1", &[&hall_id])?;
    for (i, day) in hours.weekdays.iter().enumerate() {
        for s in day {
            tx.execute(
                "INSERT INTO hall_sessions (hall_id, weekday, start_minute, end_minute)
                 VALUES ($1, $2, $3, $4)",
                &[&hall_id, &(i + 1), &s.start, &s.end],
            )?;
        }
    }
    Ok(true)
}

/// Every service, with whether and how `hall_id` offers it.
pub fn services(tx: &mut Tx<'_>, hall_id: &str) -> Result<Vec<HallService>, DbError> {
    tx.query(
        "SELECT s.id, s.name_zh, s.name_en, hs.capacity, hs.version
         FROM services s
         LEFT JOIN hall_services hs ON hs.service_id = s.id AND hs.hall_id = $1
         ORDER BY s.sort, s.id",
        &[&hall_id],
    )?
    .iter()
    .map(|r| {
        let capacity: Option<u32> = r.get("capacity")?;
        Ok(HallService {
            service_id: r.get("id")?,
            names: LocalizedText {
                zh_cn: r.get("name_zh")?,
                en: r.get("name_en")?,
            },
            offered: capacity.is_some(),
            capacity: capacity.unwrap_or(0),
            version: r.get::<Option<i64>>("version")?.unwrap_or(0),
        })
    })
    .collect()
}

pub fn service_exists(tx: &mut Tx<'_>, service_id: &str) -> Result<bool, DbError> {
    tx.query_value(
        "SELECT EXISTS (SELECT 1 FROM services WHERE id = $1)",
        &[&service_id],
    )
}

/// Offers (or stops offering) a service with `capacity` seats per slot, from the
/// version read (0: not offered then); `false` if it changed since. Slots after
/// `after` (RFC 3339) that already have seats taken get the new capacity too,
/// never below the seats taken, so the kiosk shows the new places left.
pub fn set_service(
    tx: &mut Tx<'_>,
    hall_id: &str,
    service_id: &str,
    offered: bool,
    capacity: u32,
    version: i64,
    after: &str,
) -> Result<bool, DbError> {
    let current: Option<i64> = tx
        .query_opt(
            "SELECT version FROM hall_services WHERE hall_id = $1 AND service_id = $2",
            &[&hall_id, &service_id],
        )?
        .map(|r| r.get(0))
        .transpose()?;
    let changed = match (current, offered) {
        (None, _) if version != 0 => return Ok(false),
        (None, false) => return Ok(true),
        (None, true) => tx.execute(
            "INSERT INTO hall_services (hall_id, service_id, capacity) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING",
            &[&hall_id, &service_id, &capacity],
        )?,
        (Some(_), false) => tx.execute(
            "DELETE FROM hall_services WHERE hall_id = $1 AND service_id = $2 AND version = $3",
            &[&hall_id, &service_id, &version],
        )?,
        (Some(_), true) => tx.execute(
            "UPDATE hall_services SET capacity = $3, version = version + 1
             WHERE hall_id = $1 AND service_id = $2 AND version = $4",
            &[&hall_id, &service_id, &capacity, &version],
        )?,
    };
    if changed != 1 {
        return Ok(false);
    }
    if offered {
        tx.execute(
            "UPDATE slot_seats SET capacity = CASE WHEN taken > $3 THEN taken ELSE $3 END
             WHERE hall_id = $1 AND service_id = $2 AND slot_start > $4",
            &[&hall_id, &service_id, &capacity, &after],
        )?;
    }
    Ok(true)
}

/// The slots of `date` for one service with their seats: `default` for a slot
/// nobody has booked or changed yet.
pub fn slots(
    tx: &mut Tx<'_>,
    hall_id: &str,
    service_id: &str,
    schedule: &Schedule,
    date: Date,
    default: u32,
) -> Result<Vec<SlotCapacity>, DbError> {
    let all = schedule.slots_on(date);
    let (Some(first), Some(last)) = (all.first(), all.last()) else {
        return Ok(Vec::new());
    };
    let seats: BTreeMap<String, (u32, u32)> = super::schedules::seats_taken(
        tx,
        hall_id,
        service_id,
        &first.0.to_rfc3339(),
        &last.0.to_rfc3339(),
    )?
    .into_iter()
    .collect();
    Ok(all
        .into_iter()
        .map(|(start, end)| {
            let start = start.to_rfc3339();
            let (taken, capacity) = seats.get(&start).copied().unwrap_or((0, default));
            SlotCapacity {
                start,
                end: end.to_rfc3339(),
                capacity,
                taken,
            }
        })
        .collect())
}

/// What came of a slot's capacity change.
#[derive(Debug, PartialEq, Eq)]
pub enum SlotChange {
    Done(SlotCapacity),
    /// Someone changed the slot's capacity since it was read.
    Changed,
    /// More seats are taken than the new capacity.
    BelowTaken(u32),
}

/// Sets one slot's seats from the capacity read (`expected`). The upsert's
/// condition is checked against the row as it is when the statement runs (on
/// PostgreSQL after any booking's row lock), and `CHECK (taken <= capacity)`
/// stands behind it: a capacity can never go under the seats a booking took.
#[allow(clippy::too_many_arguments)]
pub fn set_slot(
    tx: &mut Tx<'_>,
    hall_id: &str,
    service_id: &str,
    start: &str,
    end: &str,
    capacity: u32,
    expected: u32,
    default: u32,
) -> Result<SlotChange, DbError> {
    let read = |tx: &mut Tx<'_>| -> Result<(u32, u32), DbError> {
        Ok(tx
            .query_opt(
                "SELECT taken, capacity FROM slot_seats
                 WHERE hall_id = $1 AND service_id = $2 AND slot_start = $3",
                &[&hall_id, &service_id, &start],
            )?
            .map(|r| Ok::<_, DbError>((r.get(0)?, r.get(1)?)))
            .transpose()?
            .unwrap_or((0, default)))
    };
    let (taken, current) = read(tx)?;
    if current != expected {
        return Ok(SlotChange::Changed);
    }
    if taken > capacity {
        return Ok(SlotChange::BelowTaken(taken));
    }
    let n = tx.execute(
        "INSERT INTO slot_seats (hall_id, service_id, slot_start, capacity, taken)
         VALUES ($1, $2, $3, $4, 0)
         ON CONFLICT (hall_id, service_id, slot_start) DO UPDATE SET capacity = excluded.capacity
         WHERE slot_seats.capacity = $5 AND slot_seats.taken <= excluded.capacity",
        &[&hall_id, &service_id, &start, &capacity, &expected],
    )?;
    let (taken, now) = read(tx)?;
    if n != 1 {
        return Ok(if taken > capacity {
            SlotChange::BelowTaken(taken)
        } else {
            SlotChange::Changed
        });
    }
    Ok(SlotChange::Done(SlotCapacity {
        start: start.to_owned(),
        end: end.to_owned(),
        capacity: now,
        taken,
    }))
}

/// Standing bookings of `date` whose slot the schedule no longer has: the people
/// to call about a closure.
pub fn affected(
    tx: &mut Tx<'_>,
    hall_id: &str,
    schedule: &Schedule,
    date: Date,
) -> Result<Vec<AffectedBooking>, DbError> {
    let open: BTreeSet<String> = schedule
        .slots_on(date)
        .into_iter()
        .map(|(s, _)| s.to_rfc3339())
        .collect();
    Ok(tx
        .query(
            "SELECT reference, service_id, slot_start, name, phone FROM appointments
             WHERE hall_id = $1 AND slot_date = $2 AND status = 'booked'
             ORDER BY slot_start, reference",
            &[&hall_id, &date.to_string()],
        )?
        .iter()
        .map(|r| {
            Ok(AffectedBooking {
                reference: r.get("reference")?,
                service_id: r.get("service_id")?,
                slot_start: r.get("slot_start")?,
                name_masked: mask_name(&r.get::<String>("name")?),
                phone_masked: mask_phone(&r.get::<String>("phone")?),
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?
        .into_iter()
        .filter(|b| !open.contains(&b.slot_start))
        .collect())
}

/// Closures from `from` on, by date: the console's and the CLI's holidays.
pub fn closures(
    tx: &mut Tx<'_>,
    hall_id: &str,
    schedule: &Schedule,
    from: Date,
) -> Result<Vec<Closure>, DbError> {
    let from_s = from.to_string();
    let mut out: BTreeMap<String, Closure> = BTreeMap::new();
    for r in tx.query(
        "SELECT date FROM hall_holidays WHERE hall_id = $1 AND date >= $2",
        &[&hall_id, &from_s],
    )? {
        let date: String = r.get(0)?;
        out.insert(
            date.clone(),
            Closure {
                date,
                reason: String::new(),
                sessions: Vec::new(),
                bookings: 0,
            },
        );
    }
    for r in tx.query(
        "SELECT date, reason, sessions FROM hall_closures WHERE hall_id = $1 AND date >= $2",
        &[&hall_id, &from_s],
    )? {
        let date: String = r.get(0)?;
        out.insert(
            date.clone(),
            Closure {
                date,
                reason: r.get(1)?,
                sessions: spans(&r.get::<String>(2)?)?,
                bookings: 0,
            },
        );
    }
    let mut list: Vec<Closure> = out.into_values().collect();
    for c in &mut list {
        if let Some(d) = Date::parse_iso(&c.date) {
            c.bookings = u32::try_from(affected(tx, hall_id, schedule, d)?.len()).unwrap_or(0);
        }
    }
    Ok(list)
}

/// Whether `date` is closed or shortened already (by the console or the CLI).
pub fn closure_exists(tx: &mut Tx<'_>, hall_id: &str, date: &str) -> Result<bool, DbError> {
    tx.query_value(
        "SELECT EXISTS (SELECT 1 FROM hall_closures WHERE hall_id = $1 AND date = $2)
             OR EXISTS (SELECT 1 FROM hall_holidays WHERE hall_id = $1 AND date = $2)",
        &[&hall_id, &date],
    )
}

pub fn insert_closure(
    tx: &mut Tx<'_>,
    hall_id: &str,
    date: &str,
    reason: &str,
    sessions: &[Span],
    user: &str,
    now: &str,
) -> Result<bool, DbError> {
    let json = serde_json::to_string(sessions).expect("spans serialize");
    Ok(tx.execute(
        "INSERT INTO hall_closures (hall_id, date, reason, sessions, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
        &[&hall_id, &date, &reason, &json, &user, &now],
    )? == 1)
}

/// Opens `date` again; `false` if it was not closed.
pub fn delete_closure(tx: &mut Tx<'_>, hall_id: &str, date: &str) -> Result<bool, DbError> {
    let a = tx.execute(
        "DELETE FROM hall_closures WHERE hall_id = $1 AND date = $2",
        &[&hall_id, &date],
    )?;
    let b = tx.execute(
        "DELETE FROM hall_holidays WHERE hall_id = $1 AND date = $2",
        &[&hall_id, &date],
    )?;
    Ok(a + b > 0)
}

fn appointment(r: &Row) -> Result<HallAppointment, DbError> {
    let status: String = r.get("status")?;
    let attendance: Option<String> = r.get("attendance")?;
    Ok(HallAppointment {
        reference: r.get("reference")?,
        service_id: r.get("service_id")?,
        slot_start: r.get("slot_start")?,
        slot_end: r.get("slot_end")?,
        name_masked: mask_name(&r.get::<String>("name")?),
        phone_masked: mask_phone(&r.get::<String>("phone")?),
        status: if status == "booked" {
            AppointmentStatus::Booked
        } else {
            AppointmentStatus::Cancelled
        },
        attendance: attendance.as_deref().and_then(Attendance::parse),
    })
}

/// A day's appointments in `hall_id`, by time.
pub fn day(tx: &mut Tx<'_>, hall_id: &str, date: Date) -> Result<Vec<HallAppointment>, DbError> {
    tx.query(
        "SELECT reference, service_id, slot_start, slot_end, name, phone, status, attendance
         FROM appointments WHERE hall_id = $1 AND slot_date = $2
         ORDER BY slot_start, reference",
        &[&hall_id, &date.to_string()],
    )?
    .iter()
    .map(appointment)
    .collect()
}

/// One appointment of `hall_id`.
pub fn find(
    tx: &mut Tx<'_>,
    hall_id: &str,
    reference: &str,
) -> Result<Option<HallAppointment>, DbError> {
    tx.query_opt(
        "SELECT reference, service_id, slot_start, slot_end, name, phone, status, attendance
         FROM appointments WHERE hall_id = $1 AND reference = $2",
        &[&hall_id, &reference],
    )?
    .as_ref()
    .map(appointment)
    .transpose()
}

/// Records check-in on a standing booking not yet checked in (or already in the
/// same state: a repeated click changes nothing); `false` otherwise.
pub fn set_attendance(
    tx: &mut Tx<'_>,
    hall_id: &str,
    reference: &str,
    attendance: Attendance,
    now: &str,
) -> Result<bool, DbError> {
    Ok(tx.execute(
        "UPDATE appointments SET attendance = $3,
             attendance_at = COALESCE(attendance_at, $4)
         WHERE hall_id = $1 AND reference = $2 AND status = 'booked'
           AND (attendance IS NULL OR attendance = $3)",
        &[&hall_id, &reference, &attendance.as_str(), &now],
    )? == 1)
}

/// The full phone number of an appointment of `hall_id`.
pub fn phone(tx: &mut Tx<'_>, hall_id: &str, reference: &str) -> Result<Option<String>, DbError> {
    tx.query_opt(
        "SELECT phone FROM appointments WHERE hall_id = $1 AND reference = $2",
        &[&hall_id, &reference],
    )?
    .map(|r| r.get(0))
    .transpose()
}

/// The kiosks of `hall_id` as the console shows them at `now`.
pub fn kiosks(tx: &mut Tx<'_>, hall_id: &str, now: i64) -> Result<Vec<KioskInfo>, DbError> {
    let at = |unix: Option<i64>| {
        unix.and_then(HallTime::checked_from_unix)
            .map(HallTime::to_rfc3339)
    };
    tx.query(
        "SELECT id, hall_id, key_hash, maintenance, message_zh, message_en, back_at_unix,
             last_seen_unix, heartbeat_s, version, errors, last_interaction_s, outbox_depth
         FROM kiosks WHERE hall_id = $1 ORDER BY id",
        &[&hall_id],
    )?
    .iter()
    .map(|r| {
        let last_seen: Option<i64> = r.get("last_seen_unix")?;
        let heartbeat_s: Option<u64> = r.get("heartbeat_s")?;
        let idle: Option<i64> = r.get("last_interaction_s")?;
        let zh: Option<String> = r.get("message_zh")?;
        let en: Option<String> = r.get("message_en")?;
        let key: Option<String> = r.get("key_hash")?;
        Ok(KioskInfo {
            id: r.get("id")?,
            hall_id: r.get("hall_id")?,
            online: kiosk_core::api::kiosk_online(last_seen, heartbeat_s, now),
            last_seen_at: at(last_seen),
            version: r.get("version")?,
            errors: r.get("errors")?,
            last_touch_at: at(last_seen.zip(idle).map(|(s, i)| s - i)),
            heartbeat_s,
            outbox: r.get("outbox_depth")?,
            maintenance: r.get("maintenance")?,
            message: zh.zip(en).map(|(zh_cn, en)| LocalizedText { zh_cn, en }),
            back_at: at(r.get("back_at_unix")?),
            credential: match key.as_deref() {
                None => "local",
                Some("revoked") => "revoked",
                Some(_) => "secret",
            }
            .to_owned(),
        })
    })
    .collect()
}

/// The hall a kiosk stands in.
pub fn kiosk_hall(tx: &mut Tx<'_>, kiosk_id: &str) -> Result<Option<String>, DbError> {
    tx.query_opt("SELECT hall_id FROM kiosks WHERE id = $1", &[&kiosk_id])?
        .map(|r| r.get(0))
        .transpose()
}
