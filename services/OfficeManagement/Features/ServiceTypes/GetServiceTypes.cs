namespace CityEServices.OfficeManagement.Features.ServiceTypes;

/// <summary>The service-type catalog under the configured policy; it cannot fail, so it answers the list itself.</summary>
public sealed class GetServiceTypes(IOptions<CertificationPolicy> policy)
{
    public IReadOnlyList<ServiceTypeEntry> Handle(Caller caller) => ServiceTypeCatalog.Describe(policy.Value);
}
