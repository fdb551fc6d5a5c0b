using CityEServices.Contracts.Grpc.Property;

namespace CityEServices.UrbanPlanning.Clients;

/// <summary>
/// The property registry, as this service asks it: does this person own a share of this property, and
/// may anything be issued for it (no legal hold)?
/// </summary>
public sealed class PropertyRegistryClient(PropertyRegistry.PropertyRegistryClient registry, ServiceCalls calls)
{
    public const string Service = "property";

    /// <summary>The registry's answer (found, owner, district), or the 503 when it could not give one.</summary>
    public Task<Outcome<VerifyOwnerReply>> VerifyOwnerAsync(RenovationCode renovationCode, NationalId nationalId, CancellationToken cancellationToken) =>
        calls.AskAsync(
            Service,
            ct => registry.VerifyOwnerAsync(new VerifyOwnerRequest { RenovationCode = renovationCode.Value, NationalId = nationalId.Value }, cancellationToken: ct),
            cancellationToken);

    /// <summary>
    /// The property as the registry knows it now, when it is known and not under legal hold; else the 409
    /// that refuses issuing for it (or the 503 when the registry could not answer). Asked at the moment of
    /// issuing, never cached: a hold placed a second ago must already stop the permit, and the document
    /// prints the plate and owner as they are today.
    /// </summary>
    public async Task<Outcome<PropertyReply>> ForIssuingAsync(string renovationCode, CancellationToken cancellationToken)
    {
        var reply = await calls.AskAsync(
            Service,
            ct => registry.GetPropertyAsync(new GetPropertyRequest { RenovationCode = renovationCode }, cancellationToken: ct),
            cancellationToken);
        if (!reply.Succeeded)
        {
            return reply.Problem!;
        }

        if (!reply.Value.Found)
        {
            return Problem.Conflict("PropertyNotFound", "The property registry does not know the file's property.",
                $"Property {renovationCode} is not in the registry, so nothing can be issued for it.");
        }

        return reply.Value.LegalHold
            ? Problem.Conflict(Domain.Requests.WorkflowReasons.LegalHold, "The property is under legal hold.",
                $"Property {renovationCode} is under legal hold: nothing is issued for it until the hold is released.")
            : reply.Value;
    }
}
