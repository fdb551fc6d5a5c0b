using CityEServices.Contracts.Grpc.Property;
using CityEServices.Iran;
using CityEServices.Web.Grpc;

namespace CityEServices.UrbanPlanning.Clients;

/// <summary>The property registry, as this service asks it: does this person own a share of this property?</summary>
public sealed class PropertyRegistryClient(PropertyRegistry.PropertyRegistryClient registry, ServiceCalls calls)
{
    public const string Service = "property";

    /// <summary>The registry's answer (found, owner, district), or the 503 when it could not give one.</summary>
    public Task<Outcome<VerifyOwnerReply>> VerifyOwnerAsync(RenovationCode renovationCode, NationalId nationalId, CancellationToken cancellationToken) =>
        calls.AskAsync(
            Service,
            ct => registry.VerifyOwnerAsync(new VerifyOwnerRequest { RenovationCode = renovationCode.Value, NationalId = nationalId.Value }, cancellationToken: ct),
            cancellationToken);
}
