using System.Diagnostics.CodeAnalysis;
using CityEServices.UrbanPlanning.Domain.Payments;

namespace CityEServices.UrbanPlanning.Domain.Requests;

/// <summary>An action that passed <see cref="RequestActionRules.TryValidate"/>: a known action, its note and reason code canonical.</summary>
public sealed record ValidAction(RequestAction Action, string? Note, string? ReasonCode, decimal? Amount, string? Receipt);

/// <summary>
/// Shape checks of <c>POST …/requests/{id}/actions</c>, before the request is looked up. Error keys are
/// the body's JSON names.
/// </summary>
public static class RequestActionRules
{
    public const int MaxNoteLength = 1000;

    private static readonly string[] ReasonCodes = [ReturnReasons.MissingDocuments, ReturnReasons.IncorrectDetails, ReturnReasons.Other];

    public static bool TryValidate(
        string? action,
        string? note,
        decimal? amount,
        string? receipt,
        string? reasonCode,
        [NotNullWhen(true)] out ValidAction? valid,
        out Dictionary<string, string[]> errors)
    {
        valid = null;
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var text = PersianText.Normalize(note)?.Trim();
        text = string.IsNullOrEmpty(text) ? null : text;
        if (!EnumNames.TryParse<RequestAction>(action, out var parsed))
        {
            errors["action"] = ["Action must be one of submit, review, return, reject, assessFee, pay, issue."];
        }

        if (text?.Length > MaxNoteLength)
        {
            errors["note"] = [$"Note must be at most {MaxNoteLength} characters."];
        }

        string? reason = null;
        if (parsed is RequestAction.Return or RequestAction.Reject && errors.Count == 0)
        {
            if (text is null)
            {
                errors["note"] = ["Say why: the citizen reads this note."];
            }

            // Unnamed reasons count as Other; a name that is not one of the codes is a mistake worth reporting.
            var given = string.IsNullOrWhiteSpace(reasonCode) ? null : reasonCode.Trim();
            var canonical = ReasonCodes.FirstOrDefault(k => string.Equals(k, given, StringComparison.OrdinalIgnoreCase));
            if (given is not null && canonical is null)
            {
                errors["reasonCode"] = [$"Reason code must be one of {string.Join(", ", ReasonCodes)}."];
            }

            reason = canonical ?? ReturnReasons.Other;
        }

        // A counter payment names the POS terminal's reference, unique city-wide like a bank's.
        var paidWith = PaymentRules.NormalizeReference(receipt);
        if (parsed == RequestAction.Pay && errors.Count == 0)
        {
            if (paidWith is null)
            {
                errors["receipt"] = [$"A counter payment needs the POS terminal's reference. {PaymentRules.ReferenceError}"];
            }

            if (amount is <= 0)
            {
                errors["amount"] = ["Amount must be positive."];
            }
        }

        if (errors.Count > 0)
        {
            return false;
        }

        valid = new ValidAction(parsed, text, reason, amount, parsed == RequestAction.Pay ? paidWith : null);
        return true;
    }
}
