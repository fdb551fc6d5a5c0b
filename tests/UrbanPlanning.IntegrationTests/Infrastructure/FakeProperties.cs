using System.Collections.Concurrent;
using CityEServices.Contracts.Grpc.Property;
using Grpc.Core;

namespace CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

/// <summary>What the property registry knows: only the properties a test registered, with their owners.</summary>
public sealed class FakeProperties
{
    private readonly ConcurrentDictionary<string, (int District, string[] Owners)> _properties = new(StringComparer.Ordinal);

    public ConcurrentQueue<(VerifyOwnerRequest Request, string? Authorization, string? TraceParent)> Calls { get; } = new();

    public void Register(string renovationCode, int district, params string[] ownerNationalIds) =>
        _properties[renovationCode] = (district, ownerNationalIds);

    public IEnumerable<VerifyOwnerRequest> CallsFor(string renovationCode) =>
        Calls.Select(c => c.Request).Where(r => r.RenovationCode == renovationCode);

    internal VerifyOwnerReply VerifyOwner(VerifyOwnerRequest request, string? authorization, string? traceParent)
    {
        Calls.Enqueue((request, authorization, traceParent));
        if (!_properties.TryGetValue(request.RenovationCode, out var property))
        {
            return new VerifyOwnerReply { PropertyFound = false, ShareDang = "0" };
        }

        var owner = property.Owners.Contains(request.NationalId, StringComparer.Ordinal);
        return new VerifyOwnerReply
        {
            PropertyFound = true,
            IsOwner = owner,
            ShareDang = owner ? "6" : "0",
            District = property.District,
        };
    }

    internal PropertyReply GetProperty(GetPropertyRequest request) =>
        _properties.TryGetValue(request.RenovationCode, out var property)
            ? new PropertyReply { Found = true, RenovationCode = request.RenovationCode, District = property.District }
            : new PropertyReply { Found = false };
}

public sealed class FakePropertyRegistryService(FakeProperties properties) : PropertyRegistry.PropertyRegistryBase
{
    public override Task<VerifyOwnerReply> VerifyOwner(VerifyOwnerRequest request, ServerCallContext context) =>
        Task.FromResult(properties.VerifyOwner(request, context.RequestHeaders.GetValue("authorization"), context.RequestHeaders.GetValue("traceparent")));

    public override Task<PropertyReply> GetProperty(GetPropertyRequest request, ServerCallContext context) =>
        Task.FromResult(properties.GetProperty(request));
}
