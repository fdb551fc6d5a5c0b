using CityEServices.Contracts.Events;
using CityEServices.UrbanPlanning.Domain.Requests;

namespace CityEServices.UrbanPlanning.Tests;

/// <summary>What ActOnRequest checks of the body before it looks the request up.</summary>
public class RequestActionRulesTests
{
    private static bool Validate(string? action, string? note = null, decimal? amount = null, string? receipt = null, string? reasonCode = null) =>
        RequestActionRules.TryValidate(action, note, amount, receipt, reasonCode, out _, out _);

    private static Dictionary<string, string[]> Errors(string? action, string? note = null, decimal? amount = null, string? receipt = null, string? reasonCode = null)
    {
        Assert.False(RequestActionRules.TryValidate(action, note, amount, receipt, reasonCode, out var valid, out var errors));
        Assert.Null(valid);
        return errors;
    }

    [Theory]
    [InlineData("review", RequestAction.Review)]
    [InlineData(" ASSESSFEE ", RequestAction.AssessFee)]
    [InlineData("assessFee", RequestAction.AssessFee)]
    [InlineData("Submit", RequestAction.Submit)]
    [InlineData("issue", RequestAction.Issue)]
    public void Actions_are_named_in_any_case(string name, RequestAction expected)
    {
        Assert.True(RequestActionRules.TryValidate(name, null, null, null, null, out var valid, out _));

        Assert.Equal(expected, valid!.Action);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fly")]
    [InlineData("1")]
    [InlineData("review, issue")]
    [InlineData("Review,1")]
    public void Anything_else_is_not_an_action(string? name) => Assert.Equal(["action"], Errors(name).Keys);

    [Theory]
    [InlineData("return")]
    [InlineData("reject")]
    public void Returning_or_rejecting_says_why_and_a_missing_reason_code_counts_as_other(string action)
    {
        Assert.Equal(["note"], Errors(action, note: "  ").Keys);

        Assert.True(RequestActionRules.TryValidate(action, "The deed is unreadable.", null, null, null, out var valid, out _));
        Assert.Equal(ReturnReasons.Other, valid!.ReasonCode);
        Assert.True(RequestActionRules.TryValidate(action, "The deed is unreadable.", null, null, "missingdocuments", out valid, out _));
        Assert.Equal(ReturnReasons.MissingDocuments, valid!.ReasonCode);
        Assert.Equal(["reasonCode"], Errors(action, note: "x", reasonCode: "Weather").Keys);
    }

    [Fact]
    public void Only_returns_and_rejections_carry_a_reason_code()
    {
        Assert.True(RequestActionRules.TryValidate("review", "Looking.", null, null, ReturnReasons.MissingDocuments, out var valid, out _));

        Assert.Null(valid!.ReasonCode);
        Assert.Equal("Looking.", valid.Note);
    }

    [Fact]
    public void A_payment_needs_a_receipt_and_a_positive_amount()
    {
        Assert.Equal(["receipt"], Errors("pay").Keys);
        Assert.Equal(["receipt"], Errors("pay", receipt: new string('R', CityEServices.UrbanPlanning.Domain.Payments.PaymentRules.MaxReferenceLength + 1)).Keys);
        Assert.Equal(["amount"], Errors("pay", amount: 0, receipt: "R-1").Keys);

        Assert.True(RequestActionRules.TryValidate("pay", null, 1000, " BANK-778 ", null, out var valid, out _));
        Assert.Equal(("BANK-778", 1000m), (valid!.Receipt, valid.Amount));
        Assert.True(Validate("pay", receipt: "R-1"), "the amount is optional: the assessed fee is implied");
    }

    [Fact]
    public void A_counter_payments_terminal_reference_is_canonical_so_it_cannot_pay_twice_in_another_spelling()
    {
        Assert.True(RequestActionRules.TryValidate("pay", null, null, " pos-۱۲ ", null, out var valid, out _));
        Assert.Equal("POS-12", valid!.Receipt);
        Assert.Equal(["receipt"], Errors("pay", receipt: "POS 12").Keys);
    }

    [Fact]
    public void A_note_is_at_most_a_thousand_characters()
    {
        Assert.Equal(["note"], Errors("review", note: new string('a', RequestActionRules.MaxNoteLength + 1)).Keys);
        Assert.True(Validate("review", note: new string('a', RequestActionRules.MaxNoteLength)));
    }
}
