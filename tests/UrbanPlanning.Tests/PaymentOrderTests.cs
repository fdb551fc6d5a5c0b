using CityEServices.UrbanPlanning.Domain.Payments;

namespace CityEServices.UrbanPlanning.Tests;

/// <summary>A payment order: paid once, with its own amount, before it expires.</summary>
public class PaymentOrderTests
{
    private static readonly DateTimeOffset Assessed = new(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);

    private static PaymentOrder NewOrder() =>
        PaymentOrder.Open(Guid.NewGuid(), Guid.NewGuid(), "22001840320", 47_500_000m, "IR820540102680020817909002", Assessed, TimeSpan.FromDays(7), "user:reviewer");

    [Fact]
    public void An_order_is_pending_until_it_expires()
    {
        var order = NewOrder();

        Assert.Equal(Assessed.AddDays(7), order.ExpiresAt);
        Assert.Equal(PaymentOrderStatus.Pending, order.StatusAt(Assessed));
        Assert.Equal(PaymentOrderStatus.Pending, order.StatusAt(order.ExpiresAt));
        Assert.Equal(PaymentOrderStatus.Expired, order.StatusAt(order.ExpiresAt.AddTicks(1)));
    }

    [Fact]
    public void Only_the_orders_amount_pays_it()
    {
        var order = NewOrder();

        var refused = order.RefusePayment(47_499_999m, Assessed);

        Assert.Equal((422, PaymentReasons.AmountMismatch), (refused?.Status, refused?.Reason));
        Assert.Null(order.RefusePayment(47_500_000m, Assessed));
    }

    [Fact]
    public void An_expired_order_is_refused()
    {
        var refused = NewOrder().RefusePayment(47_500_000m, Assessed.AddDays(7).AddSeconds(1));

        Assert.Equal((409, PaymentReasons.OrderExpired), (refused?.Status, refused?.Reason));
    }

    [Fact]
    public void A_paid_order_is_refused_and_cannot_be_settled_twice()
    {
        var order = NewOrder();
        var paidAt = Assessed.AddHours(1);

        var payment = order.Settle(Guid.NewGuid(), PaymentChannel.Bank, "REF-1", "bank-1", paidAt.AddMinutes(-3), paidAt, "client:bank-1");

        Assert.Equal(PaymentOrderStatus.Paid, order.StatusAt(paidAt));
        // Paid stays paid, even past the expiry.
        Assert.Equal(PaymentOrderStatus.Paid, order.StatusAt(order.ExpiresAt.AddDays(1)));
        Assert.Equal((order.Id, order.RequestId, 47_500_000m, "client:bank-1"), (payment.OrderId, payment.RequestId, payment.AmountRial, payment.RecordedBy));
        Assert.Equal(payment.Id, order.PaymentId);
        Assert.Equal(PaymentReasons.OrderAlreadyPaid, order.RefusePayment(47_500_000m, paidAt)?.Reason);
        Assert.Throws<InvalidOperationException>(() => order.Settle(Guid.NewGuid(), PaymentChannel.Counter, "POS-1", "OFC1", paidAt, paidAt, "user:op"));
    }
}
