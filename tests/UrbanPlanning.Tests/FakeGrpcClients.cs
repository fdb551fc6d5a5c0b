using CityEServices.Contracts.Grpc.OfficeManagement;
using CityEServices.Contracts.Grpc.Property;
using CityEServices.Web.Authorization;
using CityEServices.Web.Grpc;
using Grpc.Core;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CityEServices.UrbanPlanning.Tests;

/// <summary>Office management's gRPC client, answering what the test set and remembering what it was asked.</summary>
internal sealed class FakeOfficeClient : OfficeAuthorization.OfficeAuthorizationClient
{
    public List<AuthorizeServiceRequest> Requests { get; } = [];

    public AuthorizeServiceReply Reply { get; set; } = new() { Allowed = true };

    public RpcException? Failure { get; set; }

    public override AsyncUnaryCall<AuthorizeServiceReply> AuthorizeServiceAsync(AuthorizeServiceRequest request, CallOptions options)
    {
        Requests.Add(request);
        return GrpcAnswers.Of(Reply, Failure);
    }

    /// <summary>The shared check over this client, with a cache of its own.</summary>
    public OfficeAuthorizations Authorizations() => new(
        this,
        new ServiceCalls(NullLogger<ServiceCalls>.Instance),
        new MemoryCache(new MemoryCacheOptions()),
        new AuthorizationGenerations(),
        Options.Create(new OfficeAuthorizationOptions()),
        TimeProvider.System);
}

/// <summary>The property registry's gRPC client, answering what the test set and remembering what it was asked.</summary>
internal sealed class FakePropertyClient : PropertyRegistry.PropertyRegistryClient
{
    public List<VerifyOwnerRequest> Requests { get; } = [];

    public VerifyOwnerReply Reply { get; set; } = new() { PropertyFound = true, IsOwner = true, ShareDang = "6", District = 22 };

    public RpcException? Failure { get; set; }

    public override AsyncUnaryCall<VerifyOwnerReply> VerifyOwnerAsync(VerifyOwnerRequest request, CallOptions options)
    {
        Requests.Add(request);
        return GrpcAnswers.Of(Reply, Failure);
    }
}

internal static class GrpcAnswers
{
    public static AsyncUnaryCall<T> Of<T>(T reply, RpcException? failure) => new(
        failure is null ? Task.FromResult(reply) : Task.FromException<T>(failure),
        Task.FromResult(new Metadata()),
        () => failure?.Status ?? Status.DefaultSuccess,
        () => [],
        () => { });
}
