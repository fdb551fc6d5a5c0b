namespace CityEServices.Property.Features.Properties;

/// <summary>
/// Whether a person (national ID) or an organisation (legal-entity ID) holds a share of a property now:
/// yes or no, and nothing else (no share, no other owner), so an integrator that must know can ask
/// without reading the owners. Operators and reviewers answer to the by-law first; every check is
/// recorded, masked or not, because it is a fact about a named person.
/// </summary>
public sealed class CheckOwnership(PropertyReads reads, PropertyByLaw byLaw, PersonalDataReads audit)
{
    public async Task<Outcome<OwnershipCheckResponse>> HandleAsync(string renovationCode, string nationalId, Caller caller, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var parsed = RenovationCodeField.Read(renovationCode, errors);
        var party = Party.TryIdentify(nationalId);
        if (party is null)
        {
            errors.Add("nationalId", NationalId.Validate(nationalId) ?? "Not a valid national ID or legal-entity ID.");
        }

        if (parsed is not { } code || party is not { } asked || !errors.IsEmpty)
        {
            return Problem.Invalid(errors);
        }

        if (await byLaw.RefuseAsync(caller, code.District, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await reads.GetCurrentAsync(code, bypassCache: false, cancellationToken) is not { } property)
        {
            return PropertyProblems.NotFound(code);
        }

        await audit.RecordAsync(caller, PersonalDataReadKind.OwnershipCheck, code.Value, asked.Id, cancellationToken);
        return new OwnershipCheckResponse(code.Value, property.Owners.Any(o => o.PartyId == asked.Id));
    }
}
