//! Demo data for `--demo-data`: one hall with its hours, the standard services,
//! kiosk `kiosk-1` and any `--demo-kiosk`. Inserted only where missing, so restarts
//! keep bookings.

use crate::db::{DbError, Tx, halls};

pub const DEMO_HALL: &str = "demo-hall";
pub const DEMO_KIOSK: &str = "kiosk-1";

/// (id, 中文, English, 中文 description, English description, requires ID, capacity,
/// materials as (中文, English)).
type ServiceSeed = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    bool,
    u32,
    &'static [(&'static str, &'static str)],
);

const ID_CARD: (&str, &str) = ("身份证件", "Your ID card or other identity document");

const SERVICES: &[ServiceSeed] = &[
    (
        "consultation",
        "法律咨询",
        "Legal consultation (free)",
        "律师免费解答法律问题",
        "A lawyer answers your legal questions, free of charge",
        false,
        3,
        &[(
            "与问题有关的材料（如合同、通知书）",
            "Papers about your question (contracts, letters)",
        )],
    ),
    (
        "legal_aid",
        "法律援助",
        "Legal aid (application, review)",
        "申请免费律师代理或辩护",
        "Apply for a free lawyer to act for you",
        true,
        2,
        &[
            ID_CARD,
            (
                "经济困难状况说明表（可在窗口填写）",
                "Financial situation statement (can be filled in at the counter)",
            ),
            ("与案件有关的材料", "Papers about your case"),
        ],
    ),
    (
        "mediation",
        "人民调解",
        "People's mediation (free)",
        "调解员帮助双方协商解决纠纷",
        "A mediator helps both sides settle a dispute",
        false,
        2,
        &[ID_CARD, ("纠纷有关的材料", "Papers about the dispute")],
    ),
    (
        "notarization",
        "公证",
        "Notarization",
        "办理公证（受援人可减免费用）",
        "Notarization (fees reduced or waived for legal-aid recipients)",
        true,
        2,
        &[
            ID_CARD,
            (
                "需要公证的文件原件",
                "Originals of the documents to notarize",
            ),
        ],
    ),
    (
        "judicial_appraisal",
        "司法鉴定",
        "Forensic / judicial appraisal",
        "咨询和申请司法鉴定",
        "Advice on and applications for forensic appraisal",
        false,
        2,
        &[
            ID_CARD,
            (
                "委托书或法院通知",
                "The court's request or a letter of instruction",
            ),
        ],
    ),
    (
        "lawyer",
        "律师服务",
        "Lawyer services",
        "了解如何委托律师",
        "Find out how to instruct a lawyer",
        false,
        2,
        &[("与案件有关的材料", "Papers about your case")],
    ),
    (
        "arbitration",
        "仲裁",
        "Arbitration (guidance)",
        "了解劳动、商事仲裁怎么申请",
        "How to apply for labour or commercial arbitration",
        false,
        2,
        &[("合同或劳动关系证明", "Contract or proof of employment")],
    ),
    (
        "village_adviser",
        "村（居）法律顾问",
        "Village / community legal adviser",
        "预约社区法律顾问",
        "Book your community's legal adviser",
        false,
        2,
        &[("与问题有关的材料", "Papers about your question")],
    ),
];

/// Inserts whatever of the demo data is missing, with `extra_kiosks` (checked ids)
/// in the demo hall beside `kiosk-1`.
pub fn seed(tx: &mut Tx<'_>, extra_kiosks: &[String]) -> Result<(), DbError> {
    halls::insert_demo(tx)?;
    for (sort, (id, zh, en, dzh, den, requires_id, capacity, materials)) in
        SERVICES.iter().enumerate()
    {
        let materials: Vec<serde_json::Value> = materials
            .iter()
            .map(|(zh, en)| serde_json::json!({ "zh-CN": zh, "en": en }))
            .collect();
        tx.execute(
            "INSERT INTO services (id, sort, name_zh, name_en, description_zh,
                 description_en, duration_minutes, requires_id_number, materials)
             VALUES ($1, $2, $3, $4, $5, $6, 30, $7, $8) ON CONFLICT DO NOTHING",
            &[
                id,
                &sort,
                zh,
                en,
                dzh,
                den,
                requires_id,
                &serde_json::Value::from(materials).to_string(),
            ],
        )?;
        tx.execute(
            "INSERT INTO hall_services (hall_id, service_id, capacity)
             VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            &[&DEMO_HALL, id, capacity],
        )?;
    }
    // Monday to Friday, 09:00–12:00 and 13:30–17:30.
    for weekday in 1..=5 {
        for (start, end) in [(9 * 60, 12 * 60), (13 * 60 + 30, 17 * 60 + 30)] {
            tx.execute(
                "INSERT INTO hall_sessions (hall_id, weekday, start_minute, end_minute)
                 VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                &[&DEMO_HALL, &weekday, &start, &end],
            )?;
        }
    }
    // 2027 New Year's Day falls on a Friday: an example of a configured holiday.
    tx.execute(
        "INSERT INTO hall_holidays (hall_id, date) VALUES ($1, '2027-01-01')
         ON CONFLICT DO NOTHING",
        &[&DEMO_HALL],
    )?;
    for kiosk in std::iter::once(DEMO_KIOSK).chain(extra_kiosks.iter().map(String::as_str)) {
        tx.execute(
            "INSERT INTO kiosks (id, hall_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            &[&kiosk, &DEMO_HALL],
        )?;
    }
    Ok(())
}
