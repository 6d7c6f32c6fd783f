//! The parts of a form flow's screens: the frame of a step, the fields that take
//! personal data, the consent notice, the check screen's rows and the send.

pub mod consent;
pub mod fields;
pub mod frame;
pub mod needs;
pub mod receipt;
pub mod submit;
pub mod summary;
pub mod wizard;
