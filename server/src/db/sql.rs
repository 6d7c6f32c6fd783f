//! One way to run SQL on either database: [`Tx`] takes statements written once,
//! with `$1, $2, …` placeholders, and runs them on SQLite (rewritten to `?1, ?2`)
//! or PostgreSQL (prepared once per connection). Values cross as [`Value`], so the
//! table modules never see a driver type.
//!
//! Statements must be plain SQL that both dialects read the same way; the few that
//! cannot be are chosen with [`Tx::dialect`] next to the table they touch.

use std::{collections::HashMap, sync::Arc};

use postgres::types::{ToSql as PgToSql, Type};

use super::DbError;

/// Which database a [`Tx`] talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

/// A value going into or coming out of a statement.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Bool(bool),
    Text(String),
    Bytes(Vec<u8>),
}

/// What can be bound to a placeholder.
pub trait ToSql {
    fn to_value(&self) -> Value;
}

macro_rules! int_to_sql {
    ($($t:ty),*) => {$(
        impl ToSql for $t {
            fn to_value(&self) -> Value {
                Value::Int(i64::from(*self))
            }
        }
    )*};
}
int_to_sql!(i64, i32, u32, u16, u8);

impl ToSql for u64 {
    fn to_value(&self) -> Value {
        Value::Int(i64::try_from(*self).unwrap_or(i64::MAX))
    }
}
impl ToSql for usize {
    fn to_value(&self) -> Value {
        Value::Int(i64::try_from(*self).unwrap_or(i64::MAX))
    }
}
impl ToSql for bool {
    fn to_value(&self) -> Value {
        Value::Bool(*self)
    }
}
impl ToSql for str {
    fn to_value(&self) -> Value {
        Value::Text(self.to_owned())
    }
}
impl ToSql for String {
    fn to_value(&self) -> Value {
        Value::Text(self.clone())
    }
}
impl ToSql for [u8] {
    fn to_value(&self) -> Value {
        Value::Bytes(self.to_vec())
    }
}
impl ToSql for Vec<u8> {
    fn to_value(&self) -> Value {
        Value::Bytes(self.clone())
    }
}
impl<T: ToSql + ?Sized> ToSql for &T {
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
}
impl<T: ToSql> ToSql for Option<T> {
    fn to_value(&self) -> Value {
        self.as_ref().map_or(Value::Null, ToSql::to_value)
    }
}

/// What a column can be read as.
pub trait FromSql: Sized {
    fn from_value(v: Value) -> Result<Self, String>;
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "NULL",
        Value::Int(_) => "an integer",
        Value::Real(_) => "a real",
        Value::Bool(_) => "a boolean",
        Value::Text(_) => "text",
        Value::Bytes(_) => "bytes",
    }
}

impl FromSql for i64 {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::Int(i) => Ok(i),
            Value::Bool(b) => Ok(i64::from(b)),
            other => Err(format!("expected an integer, found {}", kind(&other))),
        }
    }
}

macro_rules! int_from_sql {
    ($($t:ty),*) => {$(
        impl FromSql for $t {
            fn from_value(v: Value) -> Result<Self, String> {
                let i = i64::from_value(v)?;
                <$t>::try_from(i).map_err(|_| format!("{i} is out of range"))
            }
        }
    )*};
}
int_from_sql!(i32, u64, u32, u16, u8, usize);

impl FromSql for bool {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::Bool(b) => Ok(b),
            Value::Int(i) => Ok(i != 0),
            other => Err(format!("expected a boolean, found {}", kind(&other))),
        }
    }
}
impl FromSql for f64 {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::Real(r) => Ok(r),
            Value::Int(i) => Ok(i as f64),
            other => Err(format!("expected a number, found {}", kind(&other))),
        }
    }
}
impl FromSql for String {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::Text(s) => Ok(s),
            other => Err(format!("expected text, found {}", kind(&other))),
        }
    }
}
impl FromSql for Vec<u8> {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::Bytes(b) => Ok(b),
            Value::Text(s) => Ok(s.into_bytes()),
            other => Err(format!("expected bytes, found {}", kind(&other))),
        }
    }
}
impl<T: FromSql> FromSql for Option<T> {
    fn from_value(v: Value) -> Result<Self, String> {
        match v {
            Value::Null => Ok(None),
            v => T::from_value(v).map(Some),
        }
    }
}

/// A column by position or by name.
pub trait ColumnIndex {
    fn position(&self, names: &[String]) -> Option<usize>;
    fn describe(&self) -> String;
}
impl ColumnIndex for usize {
    fn position(&self, names: &[String]) -> Option<usize> {
        (*self < names.len()).then_some(*self)
    }
    fn describe(&self) -> String {
        format!("column {self}")
    }
}
impl ColumnIndex for &str {
    fn position(&self, names: &[String]) -> Option<usize> {
        names.iter().position(|n| n == self)
    }
    fn describe(&self) -> String {
        format!("column {self:?}")
    }
}

/// One result row, owned.
#[derive(Clone, Debug)]
pub struct Row {
    names: Arc<[String]>,
    values: Vec<Value>,
}

impl Row {
    /// The column read as `T`.
    pub fn get<T: FromSql>(&self, col: impl ColumnIndex) -> Result<T, DbError> {
        let i = col
            .position(&self.names)
            .ok_or_else(|| DbError::Conversion(format!("no {}", col.describe())))?;
        T::from_value(self.values[i].clone())
            .map_err(|e| DbError::Conversion(format!("{}: {e}", col.describe())))
    }
}

/// Parameters of a statement: `&[&x, &y]`.
pub type Params<'p> = &'p [&'p dyn ToSql];

/// A PostgreSQL connection with its prepared statements, as the pool keeps it.
pub struct PgConn {
    pub(super) client: postgres::Client,
    statements: HashMap<String, postgres::Statement>,
    /// Inside a transaction that has not ended: such a connection is not reused.
    pub(super) open_tx: bool,
}

impl PgConn {
    pub(super) fn new(client: postgres::Client) -> Self {
        Self {
            client,
            statements: HashMap::new(),
            open_tx: false,
        }
    }

    fn prepared(&mut self, sql: &str) -> Result<postgres::Statement, postgres::Error> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        let s = self.client.prepare(sql)?;
        // Bounded: the server runs a fixed set of statements, but a test or a bug
        // must not make one connection keep thousands.
        if self.statements.len() >= 512 {
            self.statements.clear();
        }
        self.statements.insert(sql.to_owned(), s.clone());
        Ok(s)
    }
}

/// A connection, or a transaction on one, for the table modules.
pub struct Tx<'a> {
    inner: Inner<'a>,
}

enum Inner<'a> {
    Sqlite(&'a rusqlite::Connection),
    Postgres(&'a mut PgConn),
}

/// `$1` → `?1`: SQLite's numbered placeholders, so a statement may use a
/// parameter twice or out of order.
fn sqlite_sql(sql: &str) -> std::borrow::Cow<'_, str> {
    if !sql.contains('$') {
        return sql.into();
    }
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('?');
        } else {
            out.push(c);
        }
    }
    out.into()
}

fn sqlite_value(v: Value) -> rusqlite::types::Value {
    use rusqlite::types::Value as V;
    match v {
        Value::Null => V::Null,
        Value::Int(i) => V::Integer(i),
        Value::Real(r) => V::Real(r),
        Value::Bool(b) => V::Integer(i64::from(b)),
        Value::Text(s) => V::Text(s),
        Value::Bytes(b) => V::Blob(b),
    }
}

fn from_sqlite(v: rusqlite::types::ValueRef<'_>) -> Value {
    use rusqlite::types::ValueRef as V;
    match v {
        V::Null => Value::Null,
        V::Integer(i) => Value::Int(i),
        V::Real(r) => Value::Real(r),
        V::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
        V::Blob(b) => Value::Bytes(b.to_vec()),
    }
}

/// A parameter in the type the prepared statement expects (PostgreSQL does not
/// convert an int8 into an int4 column by itself).
fn pg_param(v: Value, ty: &Type) -> Result<Box<dyn PgToSql + Sync>, DbError> {
    let wrong = |v: &Value| DbError::Conversion(format!("{} for a {ty} parameter", kind(v)));
    Ok(match v {
        Value::Null => match *ty {
            Type::BOOL => Box::new(None::<bool>),
            Type::INT2 => Box::new(None::<i16>),
            Type::INT4 => Box::new(None::<i32>),
            Type::INT8 => Box::new(None::<i64>),
            Type::FLOAT8 => Box::new(None::<f64>),
            Type::BYTEA => Box::new(None::<Vec<u8>>),
            _ => Box::new(None::<String>),
        },
        Value::Int(i) => match *ty {
            Type::INT8 => Box::new(i),
            Type::INT4 => Box::new(i32::try_from(i).map_err(|_| wrong(&v))?),
            Type::INT2 => Box::new(i16::try_from(i).map_err(|_| wrong(&v))?),
            Type::FLOAT8 => Box::new(i as f64),
            Type::BOOL => Box::new(i != 0),
            _ => return Err(wrong(&v)),
        },
        Value::Real(r) => match *ty {
            Type::FLOAT8 => Box::new(r),
            _ => return Err(wrong(&v)),
        },
        Value::Bool(b) => match *ty {
            Type::BOOL => Box::new(b),
            Type::INT8 => Box::new(i64::from(b)),
            Type::INT4 => Box::new(i32::from(b)),
            _ => return Err(wrong(&v)),
        },
        Value::Text(s) => match *ty {
            Type::BYTEA => Box::new(s.into_bytes()),
            _ => Box::new(s),
        },
        Value::Bytes(ref b) => match *ty {
            Type::BYTEA => Box::new(b.clone()),
            _ => return Err(wrong(&v)),
        },
    })
}

fn from_pg(row: &postgres::Row, i: usize) -> Result<Value, DbError> {
    fn get<'a, T: postgres::types::FromSql<'a>>(
        row: &'a postgres::Row,
        i: usize,
    ) -> Result<Option<T>, DbError> {
        row.try_get::<_, Option<T>>(i).map_err(DbError::from)
    }
    let ty = row.columns()[i].type_();
    Ok(match *ty {
        Type::BOOL => get::<bool>(row, i)?.map_or(Value::Null, Value::Bool),
        Type::INT2 => get::<i16>(row, i)?.map_or(Value::Null, |v| Value::Int(v.into())),
        Type::INT4 => get::<i32>(row, i)?.map_or(Value::Null, |v| Value::Int(v.into())),
        Type::INT8 => get::<i64>(row, i)?.map_or(Value::Null, Value::Int),
        Type::FLOAT4 => get::<f32>(row, i)?.map_or(Value::Null, |v| Value::Real(v.into())),
        Type::FLOAT8 => get::<f64>(row, i)?.map_or(Value::Null, Value::Real),
        Type::BYTEA => get::<Vec<u8>>(row, i)?.map_or(Value::Null, Value::Bytes),
        Type::VOID => Value::Null,
        _ => get::<String>(row, i)?.map_or(Value::Null, Value::Text),
    })
}

impl<'a> Tx<'a> {
    pub(super) fn sqlite(conn: &'a rusqlite::Connection) -> Self {
        Self {
            inner: Inner::Sqlite(conn),
        }
    }

    pub(super) fn postgres(conn: &'a mut PgConn) -> Self {
        Self {
            inner: Inner::Postgres(conn),
        }
    }

    pub fn dialect(&self) -> Dialect {
        match self.inner {
            Inner::Sqlite(_) => Dialect::Sqlite,
            Inner::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Runs a statement; the number of rows it changed.
    pub fn execute(&mut self, sql: &str, params: Params<'_>) -> Result<u64, DbError> {
        let values = params.iter().map(|p| p.to_value());
        match &mut self.inner {
            Inner::Sqlite(c) => {
                let mut stmt = c.prepare_cached(&sqlite_sql(sql))?;
                let n = stmt.execute(rusqlite::params_from_iter(values.map(sqlite_value)))?;
                Ok(n as u64)
            }
            Inner::Postgres(c) => {
                let stmt = c.prepared(sql)?;
                let boxed = pg_params(&stmt, values)?;
                let refs: Vec<&(dyn PgToSql + Sync)> = boxed.iter().map(AsRef::as_ref).collect();
                Ok(c.client.execute(&stmt, &refs)?)
            }
        }
    }

    /// Runs a query; every row it returns.
    pub fn query(&mut self, sql: &str, params: Params<'_>) -> Result<Vec<Row>, DbError> {
        let values = params.iter().map(|p| p.to_value());
        match &mut self.inner {
            Inner::Sqlite(c) => {
                let mut stmt = c.prepare_cached(&sqlite_sql(sql))?;
                let names: Arc<[String]> = stmt
                    .column_names()
                    .iter()
                    .map(|n| (*n).to_owned())
                    .collect();
                let width = names.len();
                let mut rows = stmt.query(rusqlite::params_from_iter(values.map(sqlite_value)))?;
                let mut out = Vec::new();
                while let Some(r) = rows.next()? {
                    let values = (0..width)
                        .map(|i| r.get_ref(i).map(from_sqlite))
                        .collect::<Result<_, _>>()?;
                    out.push(Row {
                        names: Arc::clone(&names),
                        values,
                    });
                }
                Ok(out)
            }
            Inner::Postgres(c) => {
                let stmt = c.prepared(sql)?;
                let boxed = pg_params(&stmt, values)?;
                let refs: Vec<&(dyn PgToSql + Sync)> = boxed.iter().map(AsRef::as_ref).collect();
                let rows = c.client.query(&stmt, &refs)?;
                let names: Arc<[String]> = stmt
                    .columns()
                    .iter()
                    .map(|col| col.name().to_owned())
                    .collect();
                rows.iter()
                    .map(|r| {
                        Ok(Row {
                            names: Arc::clone(&names),
                            values: (0..names.len())
                                .map(|i| from_pg(r, i))
                                .collect::<Result<_, _>>()?,
                        })
                    })
                    .collect()
            }
        }
    }

    /// The first row, if any.
    pub fn query_opt(&mut self, sql: &str, params: Params<'_>) -> Result<Option<Row>, DbError> {
        Ok(self.query(sql, params)?.into_iter().next())
    }

    /// The one row a statement must return.
    pub fn query_row(&mut self, sql: &str, params: Params<'_>) -> Result<Row, DbError> {
        self.query_opt(sql, params)?.ok_or(DbError::NoRow)
    }

    /// The first column of the one row a statement must return.
    pub fn query_value<T: FromSql>(&mut self, sql: &str, params: Params<'_>) -> Result<T, DbError> {
        self.query_row(sql, params)?.get(0)
    }

    /// Several statements without parameters (schema changes).
    pub fn batch(&mut self, sql: &str) -> Result<(), DbError> {
        match &mut self.inner {
            Inner::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Inner::Postgres(c) => Ok(c.client.batch_execute(sql)?),
        }
    }

    /// Makes other transactions that take the same `key` wait for this one to end.
    /// SQLite needs nothing: a write transaction there is IMMEDIATE, so writers
    /// already run one at a time. PostgreSQL takes a transaction-scoped advisory
    /// lock on a 64-bit hash of the key, released at commit or rollback.
    pub fn lock(&mut self, key: &str) -> Result<(), DbError> {
        match self.dialect() {
            Dialect::Sqlite => Ok(()),
            Dialect::Postgres => self
                .execute(
                    "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                    &[&key],
                )
                .map(drop),
        }
    }
}

fn pg_params(
    stmt: &postgres::Statement,
    values: impl Iterator<Item = Value>,
) -> Result<Vec<Box<dyn PgToSql + Sync>>, DbError> {
    let values: Vec<Value> = values.collect();
    if values.len() != stmt.params().len() {
        return Err(DbError::Conversion(format!(
            "{} parameters for a statement that takes {}",
            values.len(),
            stmt.params().len()
        )));
    }
    values
        .into_iter()
        .zip(stmt.params())
        .map(|(v, ty)| pg_param(v, ty))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_for_sqlite_and_dollars_elsewhere_stay() {
        assert_eq!(
            sqlite_sql("SELECT $1, $12 WHERE a = $1"),
            "SELECT ?1, ?12 WHERE a = ?1"
        );
        assert_eq!(sqlite_sql("SELECT '$' || $2"), "SELECT '$' || ?2");
        assert_eq!(sqlite_sql("SELECT 1"), "SELECT 1");
    }

    #[test]
    fn values_read_back_as_their_rust_types() {
        assert_eq!(bool::from_value(Value::Int(1)), Ok(true));
        assert_eq!(u32::from_value(Value::Int(7)), Ok(7));
        assert!(u32::from_value(Value::Int(-1)).is_err());
        assert_eq!(Option::<String>::from_value(Value::Null), Ok(None));
        assert!(String::from_value(Value::Int(3)).is_err());
        assert_eq!(Some(5u16).to_value(), Value::Int(5));
        assert_eq!(None::<&str>.to_value(), Value::Null);
    }
}
