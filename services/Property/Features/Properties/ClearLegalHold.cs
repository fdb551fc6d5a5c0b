using CityEServices.Messaging.Persistence;

namespace CityEServices.Property.Features.Properties;

/// <summary>Clears the legal hold, with an optional reason for the history. Answers the property as it now stands.</summary>
public sealed class ClearLegalHold(PropertyChanges changes, TimeProvider time)
{
    public async Task<Outcome<PropertyResponse>> HandleAsync(string renovationCode, string? reason, Caller caller, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var parsed = RenovationCodeField.Read(renovationCode, errors);
        var note = string.IsNullOrWhiteSpace(reason) ? null : errors.RequiredText(reason, "reason", "The reason", PlaceLegalHold.MaxReasonLength);
        if (parsed is not { } code || !errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        return await changes.ChangeAsync(code, property => property.ClearLegalHold(note, time.GetDatabaseNow(), caller.Actor), cancellationToken);
    }
}
