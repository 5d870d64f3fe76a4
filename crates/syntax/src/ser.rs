//! Little-endian binary writer/reader for the model file.
use crate::SyntaxError;

#[derive(Default)]
pub struct Writer {
    pub buf: Vec<u8>,
}
impl Writer {
    pub fn u8(&mut self, x: u8) {
        self.buf.push(x);
    }
    pub fn u32(&mut self, x: u32) {
        self.buf.extend_from_slice(&x.to_le_bytes());
    }
    pub fn u64(&mut self, x: u64) {
        self.buf.extend_from_slice(&x.to_le_bytes());
    }
    pub fn f32(&mut self, x: f32) {
        self.buf.extend_from_slice(&x.to_le_bytes());
    }
    pub fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.buf.extend_from_slice(s.as_bytes());
    }
    pub fn bytes(&mut self, b: &[u8]) {
        self.buf.extend_from_slice(b);
    }
}

pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}
impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0 }
    }
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], SyntaxError> {
        if self.buf.len() - self.pos < n {
            return Err(SyntaxError::BadModel(format!(
                "file truncated at byte {} (wanted {} more bytes, {} left)",
                self.pos,
                n,
                self.buf.len() - self.pos
            )));
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    pub fn u8(&mut self) -> Result<u8, SyntaxError> {
        Ok(self.take(1)?[0])
    }
    pub fn u32(&mut self) -> Result<u32, SyntaxError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    pub fn u64(&mut self) -> Result<u64, SyntaxError> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
    pub fn f32(&mut self) -> Result<f32, SyntaxError> {
        Ok(f32::from_bits(self.u32()?))
    }
    /// A length prefix, checked against the remaining bytes (each item ≥ `min_item` bytes).
    pub fn len(&mut self, min_item: usize) -> Result<usize, SyntaxError> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_item.max(1)) > self.buf.len() - self.pos && min_item > 0 {
            return Err(SyntaxError::BadModel(format!(
                "length {n} at byte {} exceeds file size",
                self.pos
            )));
        }
        Ok(n)
    }
    pub fn str(&mut self) -> Result<String, SyntaxError> {
        let n = self.len(1)?;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| {
            SyntaxError::BadModel(format!("invalid UTF-8 string before byte {}", self.pos))
        })
    }
    pub fn done(&self) -> bool {
        self.pos == self.buf.len()
    }
}
