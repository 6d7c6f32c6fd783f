//! Request and response types of the HTTP API under `/api/v1`, shared by the kiosk
//! and the server so the two cannot drift apart. JSON field names are the contract.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Path prefix of every API route.
pub const API_PREFIX: &str = "/api/v1";

/// `GET /api/v1/health`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Health {
    /// `"ok"` when the service and its database answer.
    pub status: String,
    /// The server's version (its crate version).
    pub version: String,
    /// `"ok"` when a query against the database succeeded.
    pub db: String,
}

/// A text in each language the kiosk offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalizedText {
    #[serde(rename = "zh-CN")]
    pub zh_cn: String,
    pub en: String,
}

/// `GET /api/v1/halls`: one public legal service hall.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hall {
    /// Stable identifier, e.g. `"demo-hall"`.
    pub id: String,
    pub names: LocalizedText,
    pub address: LocalizedText,
    /// The hall's own phone number (the 12348 hotline is separate).
    pub phone: String,
    pub opening_hours: LocalizedText,
}

/// An error answer, `application/problem+json` (RFC 9457), with a per-field map of
/// stable machine codes for validation errors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub errors: BTreeMap<String, Vec<String>>,
}

/// Media type of [`Problem`] bodies.
pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";

/// `GET /api/v1/services`: a service the hall offers (ids from DOMAIN.md §2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    pub id: String,
    pub names: LocalizedText,
    /// One plain line saying what the service is for.
    pub descriptions: LocalizedText,
    pub duration_minutes: u32,
    /// Whether identity must be given before arrival (an ID number is then asked).
    pub requires_id_number: bool,
    /// What to bring.
    pub materials: Vec<LocalizedText>,
}

/// `GET /api/v1/halls/{hall}/slots`: one bookable time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    /// RFC 3339 with the hall's offset.
    pub start: String,
    pub end: String,
    pub capacity: u32,
    /// Places left; 0 for a full slot (full slots are listed too).
    pub remaining: u32,
}

/// Help a visitor asks for at the appointment or on the call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Need {
    Wheelchair,
    SignLanguage,
    Interpreter,
    LargePrint,
    HomeVisit,
    /// Callbacks: communicate by text instead of voice.
    TextCommunication,
    /// Callbacks: a dialect or minority language.
    Dialect,
    /// Callbacks: the visitor uses a hearing aid (speak clearly, slowly).
    HearingAid,
    Other,
}

/// `POST /api/v1/appointments` body (header `Idempotency-Key` required).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppointmentRequest {
    pub hall_id: String,
    pub service_id: String,
    /// RFC 3339 start of one of the hall's slots.
    pub slot_start: String,
    pub name: String,
    pub phone: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_number: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<Need>,
    pub language: crate::Lang,
    /// The version of the notice the visitor agreed to; absent or empty = no consent.
    #[serde(default)]
    pub consent_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kiosk_id: Option<String>,
}

/// Whether an appointment still stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppointmentStatus {
    Booked,
    Cancelled,
}

/// An appointment as the kiosk sees it: personal data masked, ID number never.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appointment {
    pub reference: String,
    pub hall_id: String,
    pub service_id: String,
    pub slot_start: String,
    pub slot_end: String,
    pub name_masked: String,
    pub phone_masked: String,
    pub status: AppointmentStatus,
}

/// `POST /api/v1/appointments/lookup`: the phone proves it is the visitor's booking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppointmentLookup {
    pub reference: String,
    pub phone: String,
}

/// `POST /api/v1/appointments/{reference}/cancel`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppointmentCancel {
    pub phone: String,
}

/// What a callback is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    Labour,
    Family,
    Marriage,
    Property,
    Traffic,
    Consumer,
    Criminal,
    Administrative,
    LegalAid,
    Other,
    /// A visitor who rated a visit 不满意 or 非常不满意 asked to be called about
    /// it (差评回访). Not offered in the kiosk's topic list: the rating screen
    /// makes these, and the rating itself stays anonymous.
    Feedback,
}

impl Topic {
    /// The topics a visitor picks from, in the order shown.
    pub const OFFERED: [Topic; 10] = [
        Topic::Labour,
        Topic::Family,
        Topic::Marriage,
        Topic::Property,
        Topic::Traffic,
        Topic::Consumer,
        Topic::Criminal,
        Topic::Administrative,
        Topic::LegalAid,
        Topic::Other,
    ];

    /// Every topic a request can have: the offered ones and 差评回访.
    pub fn all() -> impl Iterator<Item = Topic> {
        Self::OFFERED.into_iter().chain([Topic::Feedback])
    }

    /// The topic's name in the API (its serde name).
    pub fn as_str(self) -> &'static str {
        match self {
            Topic::Labour => "labour",
            Topic::Family => "family",
            Topic::Marriage => "marriage",
            Topic::Property => "property",
            Topic::Traffic => "traffic",
            Topic::Consumer => "consumer",
            Topic::Criminal => "criminal",
            Topic::Administrative => "administrative",
            Topic::LegalAid => "legal_aid",
            Topic::Other => "other",
            Topic::Feedback => "feedback",
        }
    }

    /// The topic named `name` in the API.
    pub fn parse(name: &str) -> Option<Topic> {
        Topic::all().find(|t| t.as_str() == name)
    }
}

/// Part of the day for a callback.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Morning,
    Afternoon,
    Evening,
}

/// When the visitor would like to be called: `"asap"` or a day and period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Preferred {
    Asap(Asap),
    At {
        /// `YYYY-MM-DD`.
        date: String,
        period: Period,
    },
}

/// The literal `"asap"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Asap {
    Asap,
}

/// `POST /api/v1/callbacks` body (header `Idempotency-Key` required).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallbackRequest {
    pub phone: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub topic: Topic,
    pub preferred: Preferred,
    pub language: crate::Lang,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needs: Vec<Need>,
    /// May the caller say "this is 12348"? `false` for visitors whose safety needs
    /// discretion (e.g. domestic violence).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub may_say_12348: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default)]
    pub consent_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kiosk_id: Option<String>,
    /// The reference the kiosk's edge gave the visitor while it held the request
    /// (see [`CallbackStatus::SavedOnKiosk`]); the central keeps it, so the
    /// receipt and the 12348 desk say the same. Only a proven kiosk may send one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// When the visitor made the request (RFC 3339), sent with `reference` by an
    /// edge that held it: the central dates the request from then (the 12348
    /// queue's waiting time, the preferred day, retention), not from delivery.
    /// Only a proven kiosk may send one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested_at: Option<String>,
}

/// Where a callback stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallbackStatus {
    Queued,
    Completed,
    /// Accepted by the kiosk's edge while the central server could not be
    /// reached: kept on the kiosk PC, sent to 12348 as soon as it can be.
    SavedOnKiosk,
}

/// Unambiguous characters of references read aloud or typed by visitors (no 0/O,
/// 1/I/L).
pub const REFERENCE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/// A reference's length: a letter for its kind and seven random characters.
pub const REFERENCE_LEN: usize = 8;

/// Whether `s` is a reference of `kind` ('A' appointment, 'C' callback).
pub fn is_reference(kind: char, s: &str) -> bool {
    s.len() == REFERENCE_LEN
        && s.starts_with(kind)
        && s.bytes().skip(1).all(|b| REFERENCE_ALPHABET.contains(&b))
}

/// A queued callback as the kiosk sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallbackReceipt {
    pub reference: String,
    pub status: CallbackStatus,
    pub preferred: Preferred,
    pub phone_masked: String,
}

/// A callback as the 12348 operator sees it (full phone: operators call it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperatorCallback {
    pub reference: String,
    pub status: CallbackStatus,
    pub phone: String,
    pub name: Option<String>,
    pub topic: Topic,
    pub preferred: Preferred,
    pub language: crate::Lang,
    pub needs: Vec<Need>,
    pub may_say_12348: bool,
    pub note: Option<String>,
    pub kiosk_id: Option<String>,
    pub created_at: String,
    pub completed_at: Option<String>,
}

/// `GET /api/v1/kiosks/{id}/status`, polled by the kiosk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskStatus {
    pub maintenance: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<LocalizedText>,
    /// When staff expect the kiosk back in service (RFC 3339, hall offset); only
    /// while in maintenance. It may already be past: the kiosk words that case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub back_at: Option<String>,
    pub hall_id: String,
    /// Only from an edge: whether it reaches the central server, and what it
    /// holds for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub central: Option<CentralLink>,
}

/// An edge's link to the central server, for the kiosk and its staff panel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CentralLink {
    /// The central server's address, as the edge was started with.
    pub upstream: String,
    /// Whether its last request there was answered.
    pub reachable: bool,
    /// Requests held in the edge's outbox.
    pub outbox: u64,
    /// Age of the oldest of them, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oldest_s: Option<u64>,
    /// Most the outbox holds before it refuses new requests.
    pub outbox_max: u64,
}

/// `POST /api/v1/kiosks/{id}/heartbeat`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Heartbeat {
    pub version: String,
    pub uptime_s: u64,
    pub last_interaction_s: u64,
    pub errors: u64,
    /// Seconds between heartbeats, so the back office knows when one is missed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval_s: Option<u64>,
    /// Requests the kiosk PC's edge holds for the central: the edge adds it to the
    /// heartbeat it forwards, so the back office sees a backlog building up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outbox: Option<u64>,
}

/// A kiosk's heartbeat interval unless its `kiosk.json` says otherwise.
pub const DEFAULT_HEARTBEAT_S: u64 = 60;
/// Heartbeats a kiosk may miss before the back office shows it offline.
pub const MISSED_HEARTBEATS_OFFLINE: u64 = 3;

/// Whether a kiosk last heard from at `last_seen` (Unix seconds), beating every
/// `interval_s`, counts as online at `now`: it has missed fewer than
/// [`MISSED_HEARTBEATS_OFFLINE`] heartbeats.
pub fn kiosk_online(last_seen: Option<i64>, interval_s: Option<u64>, now: i64) -> bool {
    let interval = interval_s.unwrap_or(DEFAULT_HEARTBEAT_S).max(1);
    let allowed = i64::try_from(interval * MISSED_HEARTBEATS_OFFLINE).unwrap_or(i64::MAX);
    last_seen.is_some_and(|seen| now.saturating_sub(seen) < allowed)
}

/// `POST /api/v1/staff/session`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffSessionRequest {
    pub kiosk_id: String,
    pub pin: String,
}

/// A staff session: send `Authorization: Bearer <token>`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffSession {
    pub token: String,
    pub expires_at: String,
}

/// `PUT /api/v1/kiosks/{id}/maintenance` (staff token).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaintenanceRequest {
    pub maintenance: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<LocalizedText>,
    /// When the kiosk is expected back (RFC 3339, whole minutes): in the future and
    /// at most 14 days ahead. Kept only while maintenance is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub back_at: Option<String>,
}

/// `POST /api/v1/kiosks/{id}/ratings` (header `Idempotency-Key` required): the
/// visitor's 好差评 at the end of a visit. Anonymous: see [`crate::rating`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatingRequest {
    pub level: crate::rating::Level,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<crate::rating::Reason>,
    pub flow: crate::rating::Flow,
    /// The hall day of the visit (`YYYY-MM-DD`), sent by an edge that held the
    /// rating, so it counts in the week it was given. Only a proven kiosk may
    /// send one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rated_on: Option<String>,
}

/// What became of a rating.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RatingStatus {
    Recorded,
    /// Held by the kiosk's edge while the central cannot be reached.
    SavedOnKiosk,
}

/// The answer to a rating: nothing that could identify it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingReceipt {
    pub status: RatingStatus,
}

// The back office console (`/api/v1/console/…`): session cookie + CSRF header.

/// `POST /api/v1/console/session`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsoleSignIn {
    /// The user id (login name); spaces around it and capitals do not matter.
    pub user: String,
    pub password: String,
}

/// A console session, as sign-in and `GET /api/v1/console/session` answer it.
/// The session itself travels in the `HttpOnly` cookie; the app keeps the CSRF
/// token and sends it in `X-CSRF-Token` with every request that is not a GET.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsoleSession {
    pub user: String,
    pub display_name: String,
    pub role: crate::console::Role,
    /// The halls a hall admin administers (empty for the other roles).
    pub halls: Vec<String>,
    pub csrf_token: String,
    /// The session ends after this many seconds without a request.
    pub idle_timeout_s: i64,
    /// When the session ends however busy it is (RFC 3339, hall offset).
    pub expires_at: String,
}

/// A console user as province admins see it (never a password or its hash).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserAccount {
    pub id: String,
    pub display_name: String,
    pub role: crate::console::Role,
    pub halls: Vec<String>,
    pub disabled: bool,
    /// While wrong passwords lock the user's sign-in: until when (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locked_until: Option<String>,
    /// Send it back with `PUT`: a change made meanwhile by someone else is refused.
    pub version: i64,
    pub created_at: String,
}

/// `POST /api/v1/console/users`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewUser {
    pub id: String,
    pub display_name: String,
    pub role: crate::console::Role,
    /// Required (one or more) for a hall admin, empty for the other roles.
    #[serde(default)]
    pub halls: Vec<String>,
    /// The initial password; the user should be told it in person.
    pub password: String,
}

/// `PUT /api/v1/console/users/{id}`: the whole editable state, and the version
/// it was read at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserUpdate {
    pub display_name: String,
    pub role: crate::console::Role,
    #[serde(default)]
    pub halls: Vec<String>,
    pub disabled: bool,
    pub version: i64,
}

/// `POST /api/v1/console/users/{id}/password`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordReset {
    pub password: String,
}

/// One line of the audit log. `detail` never holds personal data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    /// RFC 3339 with the hall's offset, to the second.
    pub at: String,
    /// Who acted; absent for the CLI and for sign-ins of unknown names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// That user's display name now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    pub action: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_id: Option<String>,
    pub detail: serde_json::Value,
    /// The address the request came from (a proxy's, behind one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_addr: Option<String>,
    /// `X-Forwarded-For` as the request carried it: what a proxy says, unchecked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forwarded_for: Option<String>,
}

/// `GET /api/v1/console/audit`: newest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    /// Pass as `before` for the next (older) page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_before: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topic_names_are_their_serde_names() {
        for t in Topic::all() {
            assert_eq!(serde_json::to_value(t).unwrap(), t.as_str());
            assert_eq!(Topic::parse(t.as_str()), Some(t));
        }
        assert_eq!(Topic::parse("nope"), None);
    }

    #[test]
    fn localized_text_uses_language_tags_as_keys() {
        let t = LocalizedText {
            zh_cn: "法律咨询".into(),
            en: "Legal consultation".into(),
        };
        let json = serde_json::to_value(&t).unwrap();
        assert_eq!(json["zh-CN"], "法律咨询");
        assert_eq!(json["en"], "Legal consultation");
    }

    #[test]
    fn preferred_is_the_string_asap_or_a_date_and_period() {
        let asap: Preferred = serde_json::from_str("\"asap\"").unwrap();
        assert_eq!(asap, Preferred::Asap(Asap::Asap));
        let at: Preferred =
            serde_json::from_str(r#"{"date":"2026-12-01","period":"evening"}"#).unwrap();
        assert_eq!(
            at,
            Preferred::At {
                date: "2026-12-01".into(),
                period: Period::Evening
            }
        );
        assert!(serde_json::from_str::<Preferred>("\"later\"").is_err());
        assert_eq!(serde_json::to_string(&asap).unwrap(), "\"asap\"");
    }

    #[test]
    fn request_bodies_refuse_unknown_fields() {
        let err = serde_json::from_str::<AppointmentCancel>(r#"{"phone":"1","x":1}"#);
        assert!(err.is_err());
    }

    #[test]
    fn problem_serializes_type_and_omits_an_empty_error_map() {
        let p = Problem {
            kind: "about:blank".into(),
            title: "Not Found".into(),
            status: 404,
            detail: "no such route".into(),
            errors: BTreeMap::new(),
        };
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["type"], "about:blank");
        assert!(json.get("errors").is_none());
        let back: Problem = serde_json::from_value(json).unwrap();
        assert_eq!(back, p);
    }
}

/// Where the legal-aid standards in force came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StandardsSource {
    /// The copy built into this release.
    BuiltIn,
    /// The server's `--standards` file.
    File,
    /// Uploaded in the console.
    Upload,
}

/// `GET /console/standards`: the standards in force and where they came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandardsStatus {
    pub source: StandardsSource,
    /// SHA-256 of the standards as served: send it back as `based_on`, so an
    /// upload made meanwhile by someone else is not silently replaced.
    pub version: String,
    /// Of an upload: when and by whom (user id and name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uploaded_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uploaded_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uploaded_by_name: Option<String>,
    pub standards: crate::eligibility::Standards,
}

/// `POST /console/standards/preview` and `PUT /console/standards`: a standards
/// file as uploaded, and the version it replaces.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandardsUpload {
    /// The file's text (JSON, the format of `core/data/legal_aid_standards.json`).
    pub text: String,
    pub based_on: String,
}

/// What an upload would change, before it is applied.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandardsPreview {
    /// The version the upload would have once applied.
    pub version: String,
    pub entries: usize,
    pub changes: Vec<crate::eligibility::StandardChange>,
}

/// `POST /speech`: a text to be spoken, rendered by the kiosk PC's own server for
/// a browser that has no voice for the display language. The answer is
/// `audio/wav`. The language is a tag (`zh-CN`, `en`) rather than a [`Lang`], so
/// a tag the server cannot speak is refused as such (`unknown_language`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeechRequest {
    pub lang: String,
    pub text: String,
}

/// Characters one speech request may hold: the longest screen text the kiosk
/// speaks in one piece (a receipt, a long notice paragraph) with room to spare.
pub const SPEECH_TEXT_MAX: usize = 1000;
