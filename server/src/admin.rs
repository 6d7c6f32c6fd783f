//! `kiosk-server admin …`: what a hall or a province sets up before the web
//! console exists — halls, services, opening hours, closures, kiosks and their
//! secrets, staff PINs, and the console's first users — on either database,
//! through the same tables and rules the server uses.

use std::io::{BufRead, Write};

use clap::{Args, Subcommand};
use kiosk_core::{
    console::{PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS, PasswordProblem, Role},
    date::{Date, WEEKDAYS_EN},
    hall_time::HallTime,
};

use crate::{
    config::kiosk_id,
    db::{
        Db, DbError, DbUrl, Tx,
        audit::{self, Action, Target},
        console_sessions,
        kiosks::{self, KioskKey},
        services, staff, users,
    },
    security,
};

#[derive(Clone, Debug, Args)]
pub struct AdminArgs {
    /// The database, as for the server: a SQLite file or a PostgreSQL URL.
    #[arg(
        long,
        env = "KIOSK_DB",
        default_value = "data/kiosk.sqlite3",
        hide_env_values = true
    )]
    pub db: DbUrl,
    #[command(subcommand)]
    pub command: AdminCommand,
}

#[derive(Clone, Debug, Subcommand)]
pub enum AdminCommand {
    /// Halls: add, edit, list.
    #[command(subcommand)]
    Hall(HallCommand),
    /// The service catalogue and what each hall offers.
    #[command(subcommand)]
    Service(ServiceCommand),
    /// Opening hours per weekday, with breaks.
    #[command(subcommand)]
    Hours(HoursCommand),
    /// Days a hall is closed (holidays, days off).
    #[command(subcommand)]
    Closure(ClosureCommand),
    /// Kiosks and their secrets.
    #[command(subcommand)]
    Kiosk(KioskCommand),
    /// The staff PIN of a hall's kiosks.
    #[command(subcommand, name = "staff-pin")]
    StaffPin(StaffPinCommand),
    /// Users of the back office console (the first province admin, say).
    #[command(subcommand)]
    User(UserCommand),
}

#[derive(Clone, Debug, Args)]
pub struct HallFields {
    /// Name in Chinese, e.g. 示范区公共法律服务中心.
    #[arg(long)]
    pub name_zh: Option<String>,
    /// Name in English.
    #[arg(long)]
    pub name_en: Option<String>,
    #[arg(long)]
    pub address_zh: Option<String>,
    #[arg(long)]
    pub address_en: Option<String>,
    /// The hall's phone number for visitors.
    #[arg(long)]
    pub phone: Option<String>,
    /// Opening hours as visitors read them (Chinese). `hours set` writes it from
    /// the sessions; give it to say something else.
    #[arg(long)]
    pub hours_zh: Option<String>,
    #[arg(long)]
    pub hours_en: Option<String>,
    /// Minutes per appointment slot (5–240).
    #[arg(long)]
    pub slot_minutes: Option<u16>,
}

#[derive(Clone, Debug, Subcommand)]
pub enum HallCommand {
    /// Adds a hall (names, address and phone are required).
    Add {
        #[arg(value_parser = kiosk_id)]
        id: String,
        #[command(flatten)]
        fields: HallFields,
    },
    /// Changes the given fields of a hall.
    Edit {
        id: String,
        #[command(flatten)]
        fields: HallFields,
    },
    /// Every hall.
    List,
}

#[derive(Clone, Debug, Subcommand)]
pub enum ServiceCommand {
    /// The catalogue, and with --hall what that hall offers.
    List {
        #[arg(long)]
        hall: Option<String>,
    },
    /// Adds the standard public legal services that are missing.
    AddStandard,
    /// Adds a service to the catalogue.
    Add {
        #[arg(value_parser = kiosk_id)]
        id: String,
        #[arg(long)]
        name_zh: String,
        #[arg(long)]
        name_en: String,
        #[arg(long)]
        description_zh: String,
        #[arg(long)]
        description_en: String,
        /// Minutes a visit takes.
        #[arg(long, default_value_t = 30)]
        duration: u16,
        /// The visitor must give an ID number when booking.
        #[arg(long)]
        requires_id: bool,
        /// Place in the kiosk's list (smaller first).
        #[arg(long, default_value_t = 100)]
        sort: u32,
    },
    /// Offers a service at a hall with this many places per slot (or changes it).
    Offer {
        #[arg(long)]
        hall: String,
        #[arg(long)]
        service: String,
        #[arg(long)]
        capacity: u32,
    },
    /// Stops offering a service at a hall (existing bookings stay).
    Withdraw {
        #[arg(long)]
        hall: String,
        #[arg(long)]
        service: String,
    },
}

#[derive(Clone, Debug, Subcommand)]
pub enum HoursCommand {
    /// Sets the sessions of some weekdays, e.g. `--weekdays 1-5 --sessions
    /// 09:00-12:00,13:30-17:30`, or `--sessions closed`.
    Set {
        #[arg(long)]
        hall: String,
        /// ISO weekdays, 1 = Monday: `1-5`, `6,7`, `3`.
        #[arg(long)]
        weekdays: String,
        /// Comma-separated `HH:MM-HH:MM` sessions, or `closed`.
        #[arg(long)]
        sessions: String,
    },
    /// The sessions of every weekday.
    List {
        #[arg(long)]
        hall: String,
    },
}

#[derive(Clone, Debug, Subcommand)]
pub enum ClosureCommand {
    /// Closes a hall for a day; lists the bookings already made for it, so staff
    /// can call those people.
    Add {
        #[arg(long)]
        hall: String,
        /// YYYY-MM-DD.
        date: String,
    },
    /// Opens the day again.
    Remove {
        #[arg(long)]
        hall: String,
        date: String,
    },
    /// The hall's closures.
    List {
        #[arg(long)]
        hall: String,
    },
}

#[derive(Clone, Debug, Subcommand)]
pub enum KioskCommand {
    /// Registers a kiosk and prints its secret, once.
    Add {
        #[arg(value_parser = kiosk_id)]
        id: String,
        #[arg(long)]
        hall: String,
        /// No secret: the kiosk's browser runs on this server's own PC (the
        /// all-in-one deployment) and is accepted only from its loopback.
        #[arg(long)]
        local: bool,
    },
    /// Every kiosk, or a hall's: online or offline, last heartbeat, version.
    List {
        #[arg(long)]
        hall: Option<String>,
    },
    /// Gives a kiosk a new secret (printed once); the old one stops working.
    Rekey { id: String },
    /// Revokes a kiosk's secret: nothing may act as it until `rekey`.
    Revoke { id: String },
}

#[derive(Clone, Debug, Subcommand)]
pub enum StaffPinCommand {
    /// Sets a hall's staff PIN, read from the first line of standard input
    /// (6 to 12 digits), so it appears in no command line or shell history.
    Set {
        #[arg(long)]
        hall: String,
    },
}

#[derive(Clone, Debug, Subcommand)]
pub enum UserCommand {
    /// Adds a console user. The password is read from the first line of
    /// standard input (at least 12 characters), so it appears in no command
    /// line or shell history.
    Add {
        /// The login name: 2 to 32 of a-z 0-9 . _ -
        #[arg(value_parser = user_id)]
        id: String,
        /// The name the console and the audit log show.
        #[arg(long)]
        name: String,
        /// operator, hall_admin or province_admin.
        #[arg(long, value_parser = role)]
        role: Role,
        /// A hall a hall admin administers; repeatable.
        #[arg(long = "hall", value_name = "HALL")]
        halls: Vec<String>,
    },
    /// Every console user: role, halls, disabled or locked.
    List,
    /// Ends a lockout after wrong passwords.
    Unlock { id: String },
    /// Disables a user and ends their sessions.
    Disable { id: String },
}

fn user_id(id: &str) -> Result<String, String> {
    if kiosk_core::console::is_user_id(id) {
        Ok(id.to_owned())
    } else {
        Err(format!(
            "a user id has 2 to {} characters out of a-z 0-9 . _ -, starting with a letter or digit",
            kiosk_core::console::USER_ID_MAX
        ))
    }
}

fn role(name: &str) -> Result<Role, String> {
    Role::parse(name).ok_or_else(|| {
        let names: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
        format!("the roles are {}", names.join(", "))
    })
}

/// What went wrong, for the operator: the message is printed as it is.
#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

fn invalid(msg: impl Into<String>) -> AdminError {
    AdminError::Invalid(msg.into())
}

/// Runs one admin command, writing what it did to `out`; `stdin` gives the PIN
/// for `staff-pin set` and the password for `user add`.
pub async fn run(
    args: AdminArgs,
    now_unix: i64,
    stdin: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<(), AdminError> {
    // A PIN or password is read before the database is opened, so a mistyped one
    // costs nothing; a password is hashed before the write transaction starts.
    let secret = match &args.command {
        AdminCommand::StaffPin(StaffPinCommand::Set { .. }) => Some(read_pin(stdin)?),
        AdminCommand::User(UserCommand::Add { .. }) => {
            Some(security::hash_pin(&read_password(stdin)?))
        }
        _ => None,
    };
    let db = Db::open(&args.db).await?;
    let command = args.command;
    let text = db
        .write(move |tx| execute(tx, command, secret, now_unix))
        .await??;
    out.write_all(text.as_bytes())
        .map_err(|e| invalid(format!("cannot write the answer: {e}")))?;
    Ok(())
}

fn read_pin(stdin: &mut dyn BufRead) -> Result<String, AdminError> {
    let mut line = String::new();
    stdin
        .read_line(&mut line)
        .map_err(|e| invalid(format!("cannot read the PIN from standard input: {e}")))?;
    let pin = line.trim();
    if !(6..=12).contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid(
            "a staff PIN is 6 to 12 digits, given on the first line of standard input",
        ));
    }
    Ok(pin.to_owned())
}

fn read_password(stdin: &mut dyn BufRead) -> Result<String, AdminError> {
    let mut line = String::new();
    stdin
        .read_line(&mut line)
        .map_err(|e| invalid(format!("cannot read the password from standard input: {e}")))?;
    // Only the line break goes: spaces may belong to a passphrase.
    let password = line.trim_end_matches(['\r', '\n']);
    match kiosk_core::console::check_password(password) {
        Ok(()) => Ok(password.to_owned()),
        Err(PasswordProblem::TooShort) => Err(invalid(format!(
            "a console password has at least {PASSWORD_MIN_CHARS} characters; give it on the \
             first line of standard input (this one has {})",
            password.chars().count()
        ))),
        Err(PasswordProblem::TooLong) => Err(invalid(format!(
            "a console password has at most {PASSWORD_MAX_CHARS} characters"
        ))),
    }
}

fn require_hall(tx: &mut Tx<'_>, hall: &str) -> Result<(), AdminError> {
    let known: bool = tx.query_value(
        "SELECT EXISTS (SELECT 1 FROM halls WHERE id = $1)",
        &[&hall],
    )?;
    if known {
        Ok(())
    } else {
        Err(invalid(format!(
            "no hall {hall:?}: `admin hall list` shows the halls"
        )))
    }
}

fn parse_date(date: &str) -> Result<Date, AdminError> {
    Date::parse_iso(date)
        .ok_or_else(|| invalid(format!("{date:?} is not a date: write it as YYYY-MM-DD")))
}

/// `secret` is the PIN of `staff-pin set`, or the password hash of `user add`.
fn execute(
    tx: &mut Tx<'_>,
    command: AdminCommand,
    secret: Option<String>,
    now: i64,
) -> Result<Result<String, AdminError>, DbError> {
    let result = match command {
        AdminCommand::Hall(c) => hall(tx, c),
        AdminCommand::Service(c) => service(tx, c),
        AdminCommand::Hours(c) => hours(tx, c),
        AdminCommand::Closure(c) => closure(tx, c),
        AdminCommand::Kiosk(c) => kiosk(tx, c, now),
        AdminCommand::User(c) => user(tx, c, secret, now),
        AdminCommand::StaffPin(StaffPinCommand::Set { hall }) => (|| {
            require_hall(tx, &hall)?;
            let pin = secret.expect("read before");
            staff::set_pin(tx, &hall, &security::hash_pin(&pin))?;
            Ok(format!(
                "staff PIN of {hall} set (kept only as an argon2id hash)\n"
            ))
        })(),
    };
    // A database failure rolls back and is reported as such; a refusal too.
    match result {
        Err(AdminError::Db(e)) => Err(e),
        other => Ok(other),
    }
}

fn text_field(name: &str, value: &str, max: usize) -> Result<(), AdminError> {
    let n = value.trim().chars().count();
    if n == 0 || n > max {
        return Err(invalid(format!("--{name} takes 1 to {max} characters")));
    }
    Ok(())
}

fn check_hall_fields(f: &HallFields) -> Result<(), AdminError> {
    for (name, value, max) in [
        ("name-zh", &f.name_zh, 60),
        ("name-en", &f.name_en, 120),
        ("address-zh", &f.address_zh, 120),
        ("address-en", &f.address_en, 200),
        ("hours-zh", &f.hours_zh, 200),
        ("hours-en", &f.hours_en, 300),
    ] {
        if let Some(v) = value {
            text_field(name, v, max)?;
        }
    }
    if let Some(phone) = &f.phone {
        kiosk_core::validate::normalize_phone(phone).map_err(|_| {
            invalid(format!(
                "--phone {phone:?} is not a phone number the kiosk can show and dial"
            ))
        })?;
    }
    if f.slot_minutes.is_some_and(|m| !(5..=240).contains(&m)) {
        return Err(invalid("--slot-minutes is 5 to 240"));
    }
    Ok(())
}

fn hall(tx: &mut Tx<'_>, command: HallCommand) -> Result<String, AdminError> {
    match command {
        HallCommand::Add { id, fields } => {
            check_hall_fields(&fields)?;
            let need = |v: &Option<String>, name: &str| {
                v.clone()
                    .ok_or_else(|| invalid(format!("a new hall needs --{name}")))
            };
            let (name_zh, name_en) = (
                need(&fields.name_zh, "name-zh")?,
                need(&fields.name_en, "name-en")?,
            );
            let (address_zh, address_en) = (
                need(&fields.address_zh, "address-zh")?,
                need(&fields.address_en, "address-en")?,
            );
            let phone = need(&fields.phone, "phone")?;
            let added = tx.execute(
                "INSERT INTO halls (id, name_zh, name_en, address_zh, address_en, phone,
                     hours_zh, hours_en, slot_minutes)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING",
                &[
                    &id,
                    &name_zh.trim(),
                    &name_en.trim(),
                    &address_zh.trim(),
                    &address_en.trim(),
                    &phone.trim(),
                    &fields.hours_zh.as_deref().unwrap_or("").trim(),
                    &fields.hours_en.as_deref().unwrap_or("").trim(),
                    &fields.slot_minutes.unwrap_or(30),
                ],
            )?;
            if added == 0 {
                return Err(invalid(format!(
                    "a hall {id:?} exists already: use `hall edit`"
                )));
            }
            Ok(format!(
                "hall {id} added; next: `admin hours set --hall {id} …`, `admin service offer --hall {id} …`, `admin kiosk add … --hall {id}`\n"
            ))
        }
        HallCommand::Edit { id, fields } => {
            check_hall_fields(&fields)?;
            require_hall(tx, &id)?;
            let mut changed = Vec::new();
            for (column, value) in [
                ("name_zh", &fields.name_zh),
                ("name_en", &fields.name_en),
                ("address_zh", &fields.address_zh),
                ("address_en", &fields.address_en),
                ("phone", &fields.phone),
                ("hours_zh", &fields.hours_zh),
                ("hours_en", &fields.hours_en),
            ] {
                if let Some(v) = value {
                    // The column names come from this list, never from input.
                    tx.execute(
                        &format!("UPDATE halls SET {column} = $2 WHERE id = $1"),
                        &[&id, &v.trim()],
                    )?;
                    changed.push(column);
                }
            }
            if let Some(m) = fields.slot_minutes {
                tx.execute(
                    "UPDATE halls SET slot_minutes = $2 WHERE id = $1",
                    &[&id, &m],
                )?;
                changed.push("slot_minutes");
            }
            if changed.is_empty() {
                return Err(invalid("nothing to change: give at least one field"));
            }
            Ok(format!("hall {id}: changed {}\n", changed.join(", ")))
        }
        HallCommand::List => {
            let mut out = String::from("ID\tNAME\tPHONE\tSLOT MINUTES\tHOURS\n");
            for r in tx.query(
                "SELECT id, name_zh, phone, slot_minutes, hours_zh FROM halls ORDER BY id",
                &[],
            )? {
                out.push_str(&format!(
                    "{}\t{}\t{}\t{}\t{}\n",
                    r.get::<String>(0)?,
                    r.get::<String>(1)?,
                    r.get::<String>(2)?,
                    r.get::<i64>(3)?,
                    r.get::<String>(4)?
                ));
            }
            Ok(out)
        }
    }
}

fn service(tx: &mut Tx<'_>, command: ServiceCommand) -> Result<String, AdminError> {
    match command {
        ServiceCommand::List { hall } => {
            if let Some(h) = &hall {
                require_hall(tx, h)?;
            }
            let mut out = String::from("ID\tNAME\tMINUTES\tID NUMBER\tPLACES PER SLOT\n");
            for r in tx.query(
                "SELECT s.id, s.name_zh, s.duration_minutes, s.requires_id_number, hs.capacity
                 FROM services s
                 LEFT JOIN hall_services hs ON hs.service_id = s.id AND hs.hall_id = $1
                 ORDER BY s.sort, s.id",
                &[&hall],
            )? {
                let capacity: Option<i64> = r.get(4)?;
                if hall.is_some() && capacity.is_none() {
                    continue;
                }
                out.push_str(&format!(
                    "{}\t{}\t{}\t{}\t{}\n",
                    r.get::<String>(0)?,
                    r.get::<String>(1)?,
                    r.get::<i64>(2)?,
                    if r.get::<bool>(3)? { "required" } else { "-" },
                    capacity.map_or("-".to_owned(), |c| c.to_string()),
                ));
            }
            Ok(out)
        }
        ServiceCommand::AddStandard => {
            let added = services::insert_standard(tx)?;
            Ok(format!(
                "{added} of the {} standard services added\n",
                services::STANDARD.len()
            ))
        }
        ServiceCommand::Add {
            id,
            name_zh,
            name_en,
            description_zh,
            description_en,
            duration,
            requires_id,
            sort,
        } => {
            text_field("name-zh", &name_zh, 30)?;
            text_field("name-en", &name_en, 80)?;
            text_field("description-zh", &description_zh, 120)?;
            text_field("description-en", &description_en, 240)?;
            if !(5..=480).contains(&duration) {
                return Err(invalid("--duration is 5 to 480 minutes"));
            }
            let added = tx.execute(
                "INSERT INTO services (id, sort, name_zh, name_en, description_zh,
                     description_en, duration_minutes, requires_id_number, materials)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '[]') ON CONFLICT DO NOTHING",
                &[
                    &id,
                    &sort,
                    &name_zh.trim(),
                    &name_en.trim(),
                    &description_zh.trim(),
                    &description_en.trim(),
                    &duration,
                    &requires_id,
                ],
            )?;
            if added == 0 {
                return Err(invalid(format!("a service {id:?} exists already")));
            }
            Ok(format!("service {id} added\n"))
        }
        ServiceCommand::Offer {
            hall,
            service,
            capacity,
        } => {
            require_hall(tx, &hall)?;
            if !(1..=100).contains(&capacity) {
                return Err(invalid("--capacity is 1 to 100 places per slot"));
            }
            let known: bool = tx.query_value(
                "SELECT EXISTS (SELECT 1 FROM services WHERE id = $1)",
                &[&service],
            )?;
            if !known {
                return Err(invalid(format!(
                    "no service {service:?}: `admin service list` shows the catalogue"
                )));
            }
            tx.execute(
                "INSERT INTO hall_services (hall_id, service_id, capacity) VALUES ($1, $2, $3)
                 ON CONFLICT (hall_id, service_id) DO UPDATE SET capacity = excluded.capacity",
                &[&hall, &service, &capacity],
            )?;
            let places = if capacity == 1 { "place" } else { "places" };
            Ok(format!(
                "{hall} offers {service} with {capacity} {places} per slot (slots already booked keep the places they had)\n"
            ))
        }
        ServiceCommand::Withdraw { hall, service } => {
            require_hall(tx, &hall)?;
            let n = tx.execute(
                "DELETE FROM hall_services WHERE hall_id = $1 AND service_id = $2",
                &[&hall, &service],
            )?;
            if n == 0 {
                return Err(invalid(format!("{hall} does not offer {service:?}")));
            }
            Ok(format!(
                "{hall} no longer offers {service}; bookings already made stay\n"
            ))
        }
    }
}

/// `1-5`, `6,7`, `3` → ISO weekdays.
fn parse_weekdays(s: &str) -> Result<Vec<u8>, AdminError> {
    let bad = || {
        invalid(format!(
            "--weekdays {s:?}: write ISO weekdays (1 = Monday) like 1-5 or 6,7"
        ))
    };
    let mut days = Vec::new();
    for part in s.split(',') {
        let part = part.trim();
        let (a, b) = part.split_once('-').unwrap_or((part, part));
        let (a, b): (u8, u8) = (
            a.trim().parse().map_err(|_| bad())?,
            b.trim().parse().map_err(|_| bad())?,
        );
        if !(1..=7).contains(&a) || !(1..=7).contains(&b) || a > b {
            return Err(bad());
        }
        days.extend(a..=b);
    }
    days.sort_unstable();
    days.dedup();
    Ok(days)
}

/// `HH:MM` (or `H:MM`) → minutes after midnight; 24:00 is allowed as an end.
fn parse_clock(s: &str) -> Option<u16> {
    let (h, m) = s.trim().split_once(':')?;
    let digits = |t: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(h, 1..=2) || !digits(m, 2..=2) {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(h * 60 + m)
}

/// `09:00-12:00,13:30-17:30` → sorted, non-overlapping (start, end) minutes.
fn parse_sessions(s: &str) -> Result<Vec<(u16, u16)>, AdminError> {
    if s.trim().eq_ignore_ascii_case("closed") {
        return Ok(Vec::new());
    }
    let mut sessions = Vec::new();
    for part in s.split(',') {
        let bad = || {
            invalid(format!(
                "session {part:?}: write it as HH:MM-HH:MM, e.g. 09:00-12:00"
            ))
        };
        let (a, b) = part.split_once('-').ok_or_else(bad)?;
        let (start, end) = (
            parse_clock(a).ok_or_else(bad)?,
            parse_clock(b).ok_or_else(bad)?,
        );
        if start >= end {
            return Err(invalid(format!("session {part:?} ends before it starts")));
        }
        sessions.push((start, end));
    }
    sessions.sort_unstable();
    if sessions.windows(2).any(|w| w[1].0 < w[0].1) {
        return Err(invalid("sessions overlap: give each stretch of time once"));
    }
    Ok(sessions)
}

fn clock(m: i64) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// `9:00`, as opening hours are written for visitors.
fn short_clock(m: i64) -> String {
    format!("{}:{:02}", m / 60, m % 60)
}

const WEEKDAYS_ZH: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];

/// The opening hours as visitors read them, from the sessions per weekday:
/// weekdays with the same sessions in a row are joined ("周一至周五 9:00–12:00、
/// 13:30–17:30").
pub fn describe_hours(week: &[Vec<(i64, i64)>; 7]) -> (String, String) {
    let mut zh = Vec::new();
    let mut en = Vec::new();
    let mut day = 0;
    while day < 7 {
        let mut last = day;
        while last + 1 < 7 && week[last + 1] == week[day] {
            last += 1;
        }
        if !week[day].is_empty() {
            let span = |names: &[&str; 7], to: &str| {
                if last == day {
                    names[day].to_owned()
                } else {
                    format!("{}{to}{}", names[day], names[last])
                }
            };
            let times = |sep: &str| {
                week[day]
                    .iter()
                    .map(|(a, b)| format!("{}–{}", short_clock(*a), short_clock(*b)))
                    .collect::<Vec<_>>()
                    .join(sep)
            };
            zh.push(format!("{} {}", span(&WEEKDAYS_ZH, "至"), times("、")));
            en.push(format!("{} {}", span(&WEEKDAYS_EN, " to "), times(", ")));
        }
        day = last + 1;
    }
    if zh.is_empty() {
        return ("暂停开放".to_owned(), "Closed".to_owned());
    }
    (
        format!("{}（法定节假日除外）", zh.join("；")),
        format!("{} (closed on public holidays)", en.join("; ")),
    )
}

fn week(tx: &mut Tx<'_>, hall: &str) -> Result<[Vec<(i64, i64)>; 7], AdminError> {
    let mut week: [Vec<(i64, i64)>; 7] = Default::default();
    for r in tx.query(
        "SELECT weekday, start_minute, end_minute FROM hall_sessions WHERE hall_id = $1
         ORDER BY weekday, start_minute",
        &[&hall],
    )? {
        let weekday: usize = r.get(0)?;
        week[weekday - 1].push((r.get(1)?, r.get(2)?));
    }
    Ok(week)
}

fn hours(tx: &mut Tx<'_>, command: HoursCommand) -> Result<String, AdminError> {
    match command {
        HoursCommand::Set {
            hall,
            weekdays,
            sessions,
        } => {
            require_hall(tx, &hall)?;
            let days = parse_weekdays(&weekdays)?;
            let sessions = parse_sessions(&sessions)?;
            for day in &days {
                tx.execute(
                    "DELETE FROM hall_sessions WHERE hall_id = $1 AND weekday = $2",
                    &[&hall, day],
                )?;
                for (start, end) in &sessions {
                    tx.execute(
                        "INSERT INTO hall_sessions (hall_id, weekday, start_minute, end_minute)
                         VALUES ($1, $2, $3, $4)",
                        &[&hall, day, start, end],
                    )?;
                }
            }
            let (zh, en) = describe_hours(&week(tx, &hall)?);
            tx.execute(
                "UPDATE halls SET hours_zh = $2, hours_en = $3 WHERE id = $1",
                &[&hall, &zh, &en],
            )?;
            Ok(format!("opening hours of {hall}: {zh}\n  {en}\n"))
        }
        HoursCommand::List { hall } => {
            require_hall(tx, &hall)?;
            let week = week(tx, &hall)?;
            let mut out = String::new();
            for (i, sessions) in week.iter().enumerate() {
                let times = if sessions.is_empty() {
                    "closed".to_owned()
                } else {
                    sessions
                        .iter()
                        .map(|(a, b)| format!("{}-{}", clock(*a), clock(*b)))
                        .collect::<Vec<_>>()
                        .join(",")
                };
                out.push_str(&format!("{} {}\t{times}\n", i + 1, WEEKDAYS_EN[i]));
            }
            Ok(out)
        }
    }
}

fn closure(tx: &mut Tx<'_>, command: ClosureCommand) -> Result<String, AdminError> {
    match command {
        ClosureCommand::Add { hall, date } => {
            require_hall(tx, &hall)?;
            let date = parse_date(&date)?.to_string();
            tx.execute(
                "INSERT INTO hall_holidays (hall_id, date) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                &[&hall, &date],
            )?;
            let booked = tx.query(
                "SELECT reference, slot_start, service_id, name, phone FROM appointments
                 WHERE hall_id = $1 AND slot_date = $2 AND status = 'booked'
                 ORDER BY slot_start, reference",
                &[&hall, &date],
            )?;
            let mut out =
                format!("{hall} is closed on {date}; the kiosks offer no times that day\n");
            if booked.is_empty() {
                out.push_str("no bookings were made for that day\n");
            } else {
                out.push_str(&format!(
                    "{} booking(s) already made for that day; please call these people:\nREFERENCE\tTIME\tSERVICE\tNAME\tPHONE\n",
                    booked.len()
                ));
                for r in booked {
                    let start: String = r.get(1)?;
                    let time = HallTime::parse_rfc3339(&start).map_or(start.clone(), |t| t.clock());
                    out.push_str(&format!(
                        "{}\t{time}\t{}\t{}\t{}\n",
                        r.get::<String>(0)?,
                        r.get::<String>(2)?,
                        r.get::<String>(3)?,
                        r.get::<String>(4)?,
                    ));
                }
            }
            Ok(out)
        }
        ClosureCommand::Remove { hall, date } => {
            require_hall(tx, &hall)?;
            let date = parse_date(&date)?.to_string();
            let n = tx.execute(
                "DELETE FROM hall_holidays WHERE hall_id = $1 AND date = $2",
                &[&hall, &date],
            )?;
            if n == 0 {
                return Err(invalid(format!("{hall} was not closed on {date}")));
            }
            Ok(format!(
                "{hall} is open again on {date} (as its weekday's hours say)\n"
            ))
        }
        ClosureCommand::List { hall } => {
            require_hall(tx, &hall)?;
            let mut out = String::new();
            for r in tx.query(
                "SELECT date FROM hall_holidays WHERE hall_id = $1 ORDER BY date",
                &[&hall],
            )? {
                out.push_str(&format!("{}\n", r.get::<String>(0)?));
            }
            Ok(out)
        }
    }
}

/// A new secret and the hash the database keeps of it (also the console's
/// "register a kiosk").
pub(crate) fn new_secret() -> (String, String) {
    let secret = security::random_token();
    let hash = security::sha256_hex(secret.as_bytes());
    (secret, hash)
}

fn secret_notice(id: &str, secret: &str) -> String {
    format!(
        "secret of kiosk {id} (shown only now; only its hash is kept):\n{secret}\n\
         Save it as the kiosk PC's key file (`kiosk-server edge --kiosk-key-file`),\n\
         readable only by the user the edge runs as (chmod 600).\n"
    )
}

fn kiosk(tx: &mut Tx<'_>, command: KioskCommand, now: i64) -> Result<String, AdminError> {
    match command {
        KioskCommand::Add { id, hall, local } => {
            require_hall(tx, &hall)?;
            let (secret, hash) = new_secret();
            let key = (!local).then_some(hash.as_str());
            if !kiosks::add(tx, &id, &hall, key)? {
                return Err(invalid(format!(
                    "a kiosk {id:?} exists already (`admin kiosk rekey {id}` gives it a new secret)"
                )));
            }
            Ok(if local {
                format!(
                    "kiosk {id} added to {hall} without a secret: it is accepted only from this server's own PC\n"
                )
            } else {
                format!(
                    "kiosk {id} added to {hall}\n{}",
                    secret_notice(&id, &secret)
                )
            })
        }
        KioskCommand::List { hall } => {
            let rows = kiosks::list(tx, hall.as_deref())?;
            let mut out = String::from(
                "ID\tHALL\tSTATE\tLAST HEARTBEAT\tVERSION\tERRORS\tCREDENTIAL\tSERVICE\n",
            );
            for k in rows {
                let seen = k.last_seen_unix.map_or("never".to_owned(), |s| {
                    HallTime::checked_from_unix(s).map_or(s.to_string(), HallTime::to_rfc3339)
                });
                out.push_str(&format!(
                    "{}\t{}\t{}\t{seen}\t{}\t{}\t{}\t{}\n",
                    k.id,
                    k.hall_id,
                    if k.online(now) { "online" } else { "offline" },
                    k.version.as_deref().unwrap_or("-"),
                    k.errors.map_or("-".to_owned(), |e| e.to_string()),
                    match k.key {
                        KioskKey::Local => "local",
                        KioskKey::Revoked => "revoked",
                        _ => "secret",
                    },
                    if k.maintenance {
                        "maintenance"
                    } else {
                        "in service"
                    },
                ));
            }
            Ok(out)
        }
        KioskCommand::Rekey { id } => {
            let (secret, hash) = new_secret();
            if !kiosks::set_key(tx, &id, Some(&hash))? {
                return Err(invalid(format!("no kiosk {id:?}")));
            }
            Ok(format!(
                "kiosk {id} has a new secret; the old one no longer works\n{}",
                secret_notice(&id, &secret)
            ))
        }
        KioskCommand::Revoke { id } => {
            if !kiosks::revoke(tx, &id)? {
                return Err(invalid(format!("no kiosk {id:?}")));
            }
            Ok(format!(
                "kiosk {id} revoked: its requests are refused (401) until `admin kiosk rekey {id}`\n"
            ))
        }
    }
}

/// The CLI has no console user and no client address: the audit log says so.
fn cli_audit(
    tx: &mut Tx<'_>,
    now: i64,
    action: Action,
    id: &str,
    mut detail: serde_json::Value,
) -> Result<(), DbError> {
    detail["via"] = "cli".into();
    audit::record(
        tx,
        now,
        &audit::Entry {
            user: None,
            action,
            target: Target::user(id),
            detail,
            client: &audit::Client::default(),
        },
    )
}

fn user(
    tx: &mut Tx<'_>,
    command: UserCommand,
    password_hash: Option<String>,
    now: i64,
) -> Result<String, AdminError> {
    match command {
        UserCommand::Add {
            id,
            name,
            role,
            halls,
        } => {
            if !kiosk_core::console::is_display_name(&name) {
                return Err(invalid(format!(
                    "--name takes 1 to {} characters",
                    kiosk_core::console::DISPLAY_NAME_MAX
                )));
            }
            match (role.has_halls(), halls.is_empty()) {
                (true, true) => return Err(invalid("a hall admin needs at least one --hall")),
                (false, false) => {
                    return Err(invalid(format!(
                        "--hall is only for a hall admin, not {role}"
                    )));
                }
                _ => {}
            }
            for hall in &halls {
                require_hall(tx, hall)?;
            }
            let added = users::insert(
                tx,
                &users::NewUser {
                    id: &id,
                    display_name: name.trim(),
                    role,
                    halls: &halls,
                    password_hash: &password_hash.expect("read before"),
                    created_at: &HallTime::from_unix(now).to_rfc3339(),
                    created_unix: now,
                },
            )?;
            if !added {
                return Err(invalid(format!("a user {id:?} exists already")));
            }
            cli_audit(
                tx,
                now,
                Action::UserCreate,
                &id,
                serde_json::json!({ "role": role, "halls": halls }),
            )?;
            Ok(format!(
                "user {id} added as {role} (the password is kept only as an argon2id hash)\n"
            ))
        }
        UserCommand::List => {
            let mut out = String::from("ID\tNAME\tROLE\tHALLS\tSTATE\n");
            for u in users::list(tx)? {
                let key = users::login_key(tx, &u.id)?;
                let state = match users::locked_until(tx, &key, now)? {
                    _ if u.disabled => "disabled".to_owned(),
                    Some(until) => {
                        format!("locked until {}", HallTime::from_unix(until).to_rfc3339())
                    }
                    None => "active".to_owned(),
                };
                let halls = if u.halls.is_empty() {
                    "-".to_owned()
                } else {
                    u.halls.join(",")
                };
                out.push_str(&format!(
                    "{}\t{}\t{}\t{halls}\t{state}\n",
                    u.id, u.display_name, u.role
                ));
            }
            Ok(out)
        }
        UserCommand::Unlock { id } => {
            if users::find(tx, &id)?.is_none() {
                return Err(invalid(format!(
                    "no user {id:?}: `admin user list` shows them"
                )));
            }
            let key = users::login_key(tx, &id)?;
            users::clear_failures(tx, &key)?;
            cli_audit(tx, now, Action::UserUnlock, &id, serde_json::json!({}))?;
            Ok(format!("user {id} may sign in again\n"))
        }
        UserCommand::Disable { id } => {
            let Some(before) = users::find(tx, &id)? else {
                return Err(invalid(format!(
                    "no user {id:?}: `admin user list` shows them"
                )));
            };
            users::disable(tx, &id)?;
            if before.role == Role::ProvinceAdmin && users::active_province_admins(tx)? == 0 {
                return Err(invalid(format!(
                    "{id} is the last active province admin: add another first"
                )));
            }
            console_sessions::delete_for_user(tx, &id, None)?;
            cli_audit(
                tx,
                now,
                Action::UserUpdate,
                &id,
                serde_json::json!({ "changed": ["disabled"], "disabled": true }),
            )?;
            Ok(format!("user {id} disabled; their sessions have ended\n"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_and_sessions_are_read_as_staff_write_them() {
        assert_eq!(parse_weekdays("1-5").unwrap(), [1, 2, 3, 4, 5]);
        assert_eq!(parse_weekdays("6,7").unwrap(), [6, 7]);
        assert_eq!(parse_weekdays("3, 1-2").unwrap(), [1, 2, 3]);
        for bad in ["0", "8", "5-1", "mon", ""] {
            assert!(parse_weekdays(bad).is_err(), "{bad}");
        }
        assert_eq!(
            parse_sessions("09:00-12:00,13:30-17:30").unwrap(),
            [(540, 720), (810, 1050)]
        );
        assert_eq!(parse_sessions("closed").unwrap(), []);
        assert_eq!(parse_sessions("20:00-24:00").unwrap(), [(1200, 1440)]);
        for bad in [
            "9-12",
            "12:00-09:00",
            "09:00-12:00,11:00-13:00",
            "25:00-26:00",
            "09:60-10:00",
        ] {
            assert!(parse_sessions(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn opening_hours_are_described_in_both_languages() {
        let mut week: [Vec<(i64, i64)>; 7] = Default::default();
        for day in &mut week[..5] {
            *day = vec![(540, 720), (810, 1050)];
        }
        week[5] = vec![(540, 720)];
        let (zh, en) = describe_hours(&week);
        assert_eq!(
            zh,
            "周一至周五 9:00–12:00、13:30–17:30；周六 9:00–12:00（法定节假日除外）"
        );
        assert_eq!(
            en,
            "Monday to Friday 9:00–12:00, 13:30–17:30; Saturday 9:00–12:00 (closed on public holidays)"
        );
        assert_eq!(describe_hours(&Default::default()).0, "暂停开放");
    }
}
