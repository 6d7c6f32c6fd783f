//! The `services` and `hall_services` tables.

use super::{DbError, Row, Tx};
use kiosk_core::api::{LocalizedText, Service};

fn from_row(r: &Row) -> Result<Service, DbError> {
    let materials: String = r.get("materials")?;
    Ok(Service {
        id: r.get("id")?,
        names: LocalizedText {
            zh_cn: r.get("name_zh")?,
            en: r.get("name_en")?,
        },
        descriptions: LocalizedText {
            zh_cn: r.get("description_zh")?,
            en: r.get("description_en")?,
        },
        duration_minutes: r.get("duration_minutes")?,
        requires_id_number: r.get("requires_id_number")?,
        materials: serde_json::from_str(&materials)
            .map_err(|e| DbError::Conversion(format!("materials: {e}")))?,
    })
}

/// Every service, in display order.
pub fn list(tx: &mut Tx<'_>) -> Result<Vec<Service>, DbError> {
    tx.query("SELECT * FROM services ORDER BY sort, id", &[])?
        .iter()
        .map(from_row)
        .collect()
}

/// A service and its seats per slot, if `hall_id` offers it.
pub fn offered(
    tx: &mut Tx<'_>,
    hall_id: &str,
    service_id: &str,
) -> Result<Option<(Service, u32)>, DbError> {
    tx.query_opt(
        "SELECT s.*, hs.capacity FROM services s
         JOIN hall_services hs ON hs.service_id = s.id
         WHERE hs.hall_id = $1 AND s.id = $2",
        &[&hall_id, &service_id],
    )?
    .map(|r| Ok((from_row(&r)?, r.get("capacity")?)))
    .transpose()
}

/// (id, 中文, English, 中文 description, English description, requires ID, seats per
/// slot in the demo hall, materials as (中文, English)).
pub type ServiceSeed = (
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

/// The public legal services a hall offers (公共法律服务), as the kiosk shows them:
/// `kiosk-server admin service add-standard` and `--demo-data` insert them.
pub const STANDARD: &[ServiceSeed] = &[
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

/// Inserts the [`STANDARD`] services that are missing; how many were.
pub fn insert_standard(tx: &mut Tx<'_>) -> Result<u64, DbError> {
    let mut added = 0;
    for (sort, (id, zh, en, dzh, den, requires_id, _, materials)) in STANDARD.iter().enumerate() {
        let materials: Vec<serde_json::Value> = materials
            .iter()
            .map(|(zh, en)| serde_json::json!({ "zh-CN": zh, "en": en }))
            .collect();
        added += tx.execute(
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
    }
    Ok(added)
}
