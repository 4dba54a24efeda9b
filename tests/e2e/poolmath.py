"""The weighted pool's swap math (`economics.md` §3.3), written independently of the chain's
Rust so that the end-to-end tests can check every amount the chain reports.

Powers are computed exactly with fractions when the exponent is 1 (equal weights, as every
pool is until emission re-weights it) and with 80-digit decimals otherwise; the result is
floored to 10^-18 as on chain."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal, getcontext
from fractions import Fraction

SCALE = 10**18
FEE_RATE = 33
MINIMUM_RESERVE = 1_000_000

getcontext().prec = 80


def pow_ratio_scaled(num: int, den: int, e_n: int, e_d: int) -> int:
    if e_n == 0 or num == den:
        return SCALE
    if num == 0:
        return 0
    if e_n == e_d:
        return (SCALE * num) // den
    value = (Decimal(num) / Decimal(den)) ** (Decimal(e_n) / Decimal(e_d))
    return int((value * SCALE).to_integral_value(rounding="ROUND_FLOOR"))


def fee_for(amount: int, rate: int = FEE_RATE) -> int:
    return amount * rate // 65535


@dataclass(frozen=True)
class Pool:
    tao: int
    alpha: int
    quote_weight: int = SCALE // 2

    @property
    def base_weight(self) -> int:
        return SCALE - self.quote_weight

    def price(self) -> Fraction:
        return Fraction(self.base_weight * self.tao, self.quote_weight * self.alpha)

    def output(self, buy: bool, net: int) -> int:
        if buy:
            r = pow_ratio_scaled(self.tao, self.tao + net, self.quote_weight, self.base_weight)
            return self.alpha * (SCALE - min(r, SCALE)) // SCALE
        r = pow_ratio_scaled(self.alpha, self.alpha + net, self.base_weight, self.quote_weight)
        return self.tao * (SCALE - min(r, SCALE)) // SCALE

    def swap(self, buy: bool, amount: int, rate: int = FEE_RATE):
        """A swap that crosses no limit: (fee, output, pool after)."""
        fee = fee_for(amount, rate)
        net = amount - fee
        out = self.output(buy, net)
        reserve_out = self.alpha if buy else self.tao
        assert reserve_out >= MINIMUM_RESERVE and out <= reserve_out
        if buy:
            after = replace(self, tao=self.tao + net, alpha=self.alpha - out)
        else:
            after = replace(self, alpha=self.alpha + net, tao=self.tao - out)
        return fee, out, after

    def sell_with_author_fee(self, alpha: int):
        """An unstake: the alpha is sold with the fee, then the fee alpha is sold without one
        for the block author. (TAO out, fee in TAO, pool after)."""
        fee, out, after = self.swap(False, alpha)
        fee_tao = 0
        if fee:
            _, fee_tao, after = after.swap(False, fee, rate=0)
        return out, fee_tao, after
