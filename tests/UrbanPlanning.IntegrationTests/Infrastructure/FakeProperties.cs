using System.Collections.Concurrent;
using CityEServices.Contracts.Grpc.Property;
using Grpc.Core;

namespace CityEServices.UrbanPlanning.IntegrationTests.Infrastructure;

/// <summary>What the property registry knows: only the properties a test registered, with their owners and legal holds.</summary>
public sealed class FakeProperties
{
    private readonly ConcurrentDictionary<string, (int District, string[] Owners)> _properties = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _holds = new(StringComparer.Ordinal);

    /// <summary>Every registered owner's name, as an issued document prints it.</summary>
    public const string OwnerName = "مریم رضایی";

    public const string Address = "تهران، خیابان شریعتی، کوچه لاله";

    public static readonly (int Section, int Main, int Sub) Plate = (11, 1234, 56);

    /// <summary>The renovation codes GetProperty was asked about, in order.</summary>
    public ConcurrentQueue<string> PropertyCalls { get; } = new();

    /// <summary>Places (or with <paramref name="held"/> false, releases) a legal hold on a registered property.</summary>
    public void Hold(string renovationCode, bool held = true) => _holds[renovationCode] = held;

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

    internal PropertyReply GetProperty(GetPropertyRequest request)
    {
        PropertyCalls.Enqueue(request.RenovationCode);
        return _properties.TryGetValue(request.RenovationCode, out var property)
            ? new PropertyReply
            {
                Found = true,
                RenovationCode = request.RenovationCode,
                District = property.District,
                LegalHold = _holds.TryGetValue(request.RenovationCode, out var held) && held,
                Address = Address,
                PlateSection = Plate.Section,
                PlateMain = Plate.Main,
                PlateSub = Plate.Sub,
                Owners = { property.Owners.Select(id => new Owner { PartyId = id, FullName = OwnerName, ShareDang = "6" }) },
            }
            : new PropertyReply { Found = false };
    }
}

public sealed class FakePropertyRegistryService(FakeProperties properties) : PropertyRegistry.PropertyRegistryBase
{
    public override Task<VerifyOwnerReply> VerifyOwner(VerifyOwnerRequest request, ServerCallContext context) =>
        Task.FromResult(properties.VerifyOwner(request, context.RequestHeaders.GetValue("authorization"), context.RequestHeaders.GetValue("traceparent")));

    public override Task<PropertyReply> GetProperty(GetPropertyRequest request, ServerCallContext context) =>
        Task.FromResult(properties.GetProperty(request));
}
