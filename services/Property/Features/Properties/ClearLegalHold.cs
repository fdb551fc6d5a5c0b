namespace CityEServices.Property.Features.Properties;

/// <summary>
/// Clears the legal hold, with the reason (required: the court order or registry letter that lifts it),
/// recorded in the history with the actor. Answers the property as it now stands.
/// </summary>
public sealed class ClearLegalHold(PropertyChanges changes, TimeProvider time)
{
    public async Task<Outcome<PropertyResponse>> HandleAsync(string renovationCode, string? reason, Caller caller, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var parsed = RenovationCodeField.Read(renovationCode, errors);
        var note = errors.RequiredText(reason, "reason", "The reason for clearing the hold", PlaceLegalHold.MaxReasonLength);
        if (parsed is not { } code || note is null || !errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        return await changes.ChangeAsync(code, property => property.ClearLegalHold(note, time.GetDatabaseNow(), caller.Actor), cancellationToken);
    }
}
