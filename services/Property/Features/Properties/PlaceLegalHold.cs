using CityEServices.Messaging.Persistence;

namespace CityEServices.Property.Features.Properties;

/// <summary>Places a legal hold (توقیف): transfers are refused until it is cleared. Answers the property as it now stands.</summary>
public sealed class PlaceLegalHold(PropertyChanges changes, TimeProvider time)
{
    public const int MaxReasonLength = 500;

    public async Task<Outcome<PropertyResponse>> HandleAsync(string renovationCode, LegalHoldRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var parsed = RenovationCodeField.Read(renovationCode, errors);
        var reason = errors.RequiredText(request.Reason, "reason", "The reason for the hold", MaxReasonLength);
        if (parsed is not { } code || reason is null)
        {
            return Problem.Invalid(errors);
        }

        return await changes.ChangeAsync(code, property => property.PlaceLegalHold(reason, time.GetDatabaseNow(), caller.Actor), cancellationToken);
    }
}
