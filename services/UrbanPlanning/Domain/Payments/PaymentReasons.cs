namespace CityEServices.UrbanPlanning.Domain.Payments;

/// <summary>The <c>reason</c> codes of refused payments (clients branch on them, so they never change).</summary>
public static class PaymentReasons
{
    /// <summary>422: the amount is not the order's.</summary>
    public const string AmountMismatch = "AmountMismatch";

    /// <summary>409: the reference already paid another order (or was used by another payer).</summary>
    public const string ReferenceUsed = "ReferenceUsed";

    public const string OrderExpired = "OrderExpired";

    public const string OrderAlreadyPaid = "OrderAlreadyPaid";

    /// <summary>409: the request was fee-assessed before payment orders existed and has none.</summary>
    public const string NoPaymentOrder = "NoPaymentOrder";
}
