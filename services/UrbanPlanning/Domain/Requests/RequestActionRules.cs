namespace CityEServices.UrbanPlanning.Domain.Requests;

/// <summary>An action that passed <see cref="RequestActionRules.Validate"/>: a known action, its note and reason code canonical.</summary>
public sealed record ValidAction(RequestAction Action, string? Note, string? ReasonCode, decimal? Amount, string? Receipt);

/// <summary>
/// Shape checks of <c>POST …/requests/{id}/actions</c>, before the request is looked up. Error keys are
/// the body's JSON names.
/// </summary>
public static class RequestActionRules
{
    public const int MaxNoteLength = 1000;

    private static readonly string[] ReasonCodes = [ReturnReasons.MissingDocuments, ReturnReasons.IncorrectDetails, ReturnReasons.Other];

    public static Validated<ValidAction> Validate(string? action, string? note, decimal? amount, string? receipt, string? reasonCode)
    {
        var check = new ValidationErrors();
        var text = PersianText.Normalize(note)?.Trim();
        text = string.IsNullOrEmpty(text) ? null : text;
        if (!EnumNames.TryParse<RequestAction>(action, out var parsed))
        {
            check.Add("action", "Action must be one of submit, review, return, reject, assessFee, pay, issue.");
        }

        if (text?.Length > MaxNoteLength)
        {
            check.Add("note", $"Note must be at most {MaxNoteLength} characters.");
        }

        string? reason = null;
        if (parsed is RequestAction.Return or RequestAction.Reject && check.IsEmpty)
        {
            if (text is null)
            {
                check.Add("note", "Say why: the citizen reads this note.");
            }

            // Unnamed reasons count as Other; a name that is not one of the codes is a mistake worth reporting.
            var given = string.IsNullOrWhiteSpace(reasonCode) ? null : reasonCode.Trim();
            var canonical = ReasonCodes.FirstOrDefault(k => string.Equals(k, given, StringComparison.OrdinalIgnoreCase));
            if (given is not null && canonical is null)
            {
                check.Add("reasonCode", $"Reason code must be one of {string.Join(", ", ReasonCodes)}.");
            }

            reason = canonical ?? ReturnReasons.Other;
        }

        // A counter payment names the POS terminal's reference, unique city-wide like a bank's.
        var paidWith = PaymentRules.NormalizeReference(receipt);
        if (parsed == RequestAction.Pay && check.IsEmpty)
        {
            if (paidWith is null)
            {
                check.Add("receipt", $"A counter payment needs the POS terminal's reference. {PaymentRules.ReferenceError}");
            }

            if (amount is <= 0)
            {
                check.Add("amount", "Amount must be positive.");
            }
        }

        return check.Result(() => new ValidAction(parsed, text, reason, amount, parsed == RequestAction.Pay ? paidWith : null));
    }
}
