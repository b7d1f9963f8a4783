//! Exact numbers for the comparisons of docs/figures.md: decimals from the model turned into
//! rationals over big integers, so `E(Y) ≤ E(B)·(1 − r·(Y − B)/(T − B))` is decided without
//! rounding, whatever the intensity's normalisers.
//!
//! Only comparisons need this; sums stay `Decimal` (exact as long as they fit its 28 digits,
//! far beyond any network's tonnes). Nothing here rounds, and nothing here decides a rule.

use num_bigint::BigInt;
use num_rational::BigRational;
use rust_decimal::prelude::ToPrimitive;

use crate::model::Decimal;

/// `d` as an exact rational: mantissa / 10^scale.
pub fn rational(d: Decimal) -> BigRational {
    BigRational::new(
        BigInt::from(d.mantissa()),
        BigInt::from(10u8).pow(d.scale()),
    )
}

/// A whole number as a rational.
pub fn whole(n: i64) -> BigRational {
    BigRational::from_integer(BigInt::from(n))
}

/// The nearest `f64`, for printing, JSON and drawing only.
pub fn to_f64(r: &BigRational) -> f64 {
    r.to_f64().unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_become_exact_rationals() {
        let d: Decimal = "12.40".parse().unwrap();
        assert_eq!(
            rational(d),
            BigRational::new(BigInt::from(62), BigInt::from(5))
        );
        assert_eq!(rational(Decimal::ZERO), whole(0));
        assert_eq!(to_f64(&rational("0.1".parse().unwrap())), 0.1);
    }

    #[test]
    fn a_tenth_times_three_is_three_tenths() {
        let tenth = rational("0.1".parse().unwrap());
        assert_eq!(&tenth * whole(3), rational("0.3".parse().unwrap()));
    }
}
