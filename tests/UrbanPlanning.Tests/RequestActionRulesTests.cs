using CityEServices.Contracts.Events;
using CityEServices.UrbanPlanning.Domain.Requests;

namespace CityEServices.UrbanPlanning.Tests;

/// <summary>What ActOnRequest checks of the body before it looks the request up.</summary>
public class RequestActionRulesTests
{
    private static bool Validate(string? action, string? note = null, decimal? amount = null, string? receipt = null, string? reasonCode = null) =>
        RequestActionRules.Validate(action, note, amount, receipt, reasonCode).IsValid;

    private static Dictionary<string, string[]> Errors(string? action, string? note = null, decimal? amount = null, string? receipt = null, string? reasonCode = null)
    {
        (var valid, var errors) = RequestActionRules.Validate(action, note, amount, receipt, reasonCode);
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
        (var valid, _) = RequestActionRules.Validate(name, null, null, null, null);
        Assert.NotNull(valid);

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

        (var valid, _) = RequestActionRules.Validate(action, "The deed is unreadable.", null, null, null);
        Assert.NotNull(valid);
        Assert.Equal(ReturnReasons.Other, valid!.ReasonCode);
        (valid, _) = RequestActionRules.Validate(action, "The deed is unreadable.", null, null, "missingdocuments");
        Assert.NotNull(valid);
        Assert.Equal(ReturnReasons.MissingDocuments, valid!.ReasonCode);
        Assert.Equal(["reasonCode"], Errors(action, note: "x", reasonCode: "Weather").Keys);
    }

    [Fact]
    public void Only_returns_and_rejections_carry_a_reason_code()
    {
        (var valid, _) = RequestActionRules.Validate("review", "Looking.", null, null, ReturnReasons.MissingDocuments);
        Assert.NotNull(valid);

        Assert.Null(valid!.ReasonCode);
        Assert.Equal("Looking.", valid.Note);
    }

    [Fact]
    public void A_payment_needs_a_receipt_and_a_positive_amount()
    {
        Assert.Equal(["receipt"], Errors("pay").Keys);
        Assert.Equal(["receipt"], Errors("pay", receipt: new string('R', CityEServices.UrbanPlanning.Domain.Payments.PaymentRules.MaxReferenceLength + 1)).Keys);
        Assert.Equal(["amount"], Errors("pay", amount: 0, receipt: "R-1").Keys);

        (var valid, _) = RequestActionRules.Validate("pay", null, 1000, " BANK-778 ", null);
        Assert.NotNull(valid);
        Assert.Equal(("BANK-778", 1000m), (valid!.Receipt, valid.Amount));
        Assert.True(Validate("pay", receipt: "R-1"), "the amount is optional: the assessed fee is implied");
    }

    [Fact]
    public void A_counter_payments_terminal_reference_is_canonical_so_it_cannot_pay_twice_in_another_spelling()
    {
        (var valid, _) = RequestActionRules.Validate("pay", null, null, " pos-۱۲ ", null);
        Assert.NotNull(valid);
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
