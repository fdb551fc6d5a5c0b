namespace CityEServices.Archive.Features.Holds;

/// <summary>A hold request, checked: what it covers (a file, a property and/or a document) and why.</summary>
public sealed record HoldScope(string? FileNumber, string? RenovationCode, Guid? DocumentId, string Reason);

public static class HoldRules
{
    public const int MaxReasonLength = 1000;
    public const string HoldAlreadyReleased = "HoldAlreadyReleased";

    /// <summary>The hold's scope and reason, or the field errors: it must cover something, and say why.</summary>
    public static Validated<HoldScope> Validate(PlaceHoldRequest request)
    {
        var errors = new ValidationErrors();
        var reason = errors.RequiredText(request.Reason, "reason", "Reason", MaxReasonLength);
        var fileNumber = FileNumbers.ReadOptional(request.FileNumber, "fileNumber", errors);

        string? renovationCode = null;
        if (!string.IsNullOrWhiteSpace(request.RenovationCode))
        {
            if (RenovationCode.TryParse(request.RenovationCode, out var code, out var error))
            {
                renovationCode = code.Value;
            }
            else
            {
                errors.Add("renovationCode", error);
            }
        }

        if (string.IsNullOrWhiteSpace(request.FileNumber) && string.IsNullOrWhiteSpace(request.RenovationCode) && request.DocumentId is null)
        {
            errors.Add("fileNumber", "A hold covers a file number, a renovation code or a document id.");
        }

        return errors.Result(() => new HoldScope(fileNumber, renovationCode, request.DocumentId, reason!));
    }
}
