using System.Security.Claims;
using CityEServices.Contracts.Grpc.OfficeManagement;
using CityEServices.Contracts.Security;
using CityEServices.Web.Authorization;
using CityEServices.Web.Callers;
using CityEServices.Web.Grpc;
using Grpc.Core;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CityEServices.Web.Tests;

/// <summary>The one check every operator write goes through: office management's answer, cached briefly, dropped on change.</summary>
public sealed class OfficeAuthorizationsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeOfficeManagement _offices = new();
    private readonly AuthorizationGenerations _generations = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly MemoryCache _cache;
    private readonly OfficeAuthorizations _authorizations;

    public OfficeAuthorizationsTests()
    {
        _cache = new MemoryCache(new MemoryCacheOptions { Clock = new FakeClock(_time) });
        _authorizations = new OfficeAuthorizations(
            new OfficeAuthorization.OfficeAuthorizationClient(_offices),
            new ServiceCalls(NullLogger<ServiceCalls>.Instance),
            _cache,
            _generations,
            Options.Create(new OfficeAuthorizationOptions { CacheTimeToLive = TimeSpan.FromSeconds(5) }),
            _time);
    }

    private static Caller Operator(string office = "S01A", string nationalId = "0076229645") => Caller.From(new ClaimsPrincipal(new ClaimsIdentity(
        [new(CityClaims.Subject, "op"), new(CityClaims.Role, Roles.OfficeOperator), new(CityClaims.OfficeCode, office), new(CityClaims.NationalId, nationalId)], "Bearer")));

    [Fact]
    public async Task A_refusal_is_a_403_with_office_managements_reason()
    {
        _offices.Reply = new AuthorizeServiceReply { Allowed = false, Reason = "OfficeSuspended", Detail = "Office S01A is suspended." };

        var problem = await _authorizations.CheckOperatorAsync(Operator(), "BUILDING_PERMIT", default);

        Assert.Equal(403, problem!.Status);
        Assert.Equal("OfficeSuspended", problem.Reason);
        Assert.Equal("S01A", _offices.Requests.Single().OfficeCode);
    }

    [Fact]
    public async Task An_answer_is_reused_for_a_few_seconds_and_then_asked_again()
    {
        _offices.Reply = Allowed(Now.AddDays(30));

        Assert.Null(await _authorizations.CheckOperatorAsync(Operator(), "BUILDING_PERMIT", default));
        Assert.Null(await _authorizations.CheckOperatorAsync(Operator(), "BUILDING_PERMIT", default));
        Assert.Single(_offices.Requests);

        _time.Advance(TimeSpan.FromSeconds(6));
        _offices.Reply = new AuthorizeServiceReply { Allowed = false, Reason = "LicenceRevoked" };

        Assert.Equal("LicenceRevoked", (await _authorizations.CheckOperatorAsync(Operator(), "BUILDING_PERMIT", default))!.Reason);
        Assert.Equal(2, _offices.Requests.Count);
    }

    [Fact]
    public async Task A_change_to_the_office_or_the_person_drops_the_answer_at_once()
    {
        _offices.Reply = Allowed(Now.AddDays(30));
        await _authorizations.CheckOperatorAsync(Operator(), "BUILDING_PERMIT", default);

        _offices.Reply = new AuthorizeServiceReply { Allowed = false, Reason = "OfficeSuspended" };
        _generations.OfficeChanged("s01a");
        Assert.Equal("OfficeSuspended", (await _authorizations.CheckOperatorAsync(Operator(), "BUILDING_PERMIT", default))!.Reason);

        _offices.Reply = new AuthorizeServiceReply { Allowed = false, Reason = "StaffInactive" };
        _generations.PersonChanged("0076229645");
        Assert.Equal("StaffInactive", (await _authorizations.CheckOperatorAsync(Operator(), "BUILDING_PERMIT", default))!.Reason);
        Assert.Equal(3, _offices.Requests.Count);
    }

    [Fact]
    public async Task An_answer_is_never_kept_past_the_certifications_expiry()
    {
        _offices.Reply = Allowed(Now.AddSeconds(1));
        await _authorizations.CheckOperatorAsync(Operator(), "BUILDING_PERMIT", default);

        _time.Advance(TimeSpan.FromSeconds(2));
        _offices.Reply = new AuthorizeServiceReply { Allowed = false, Reason = "CertificationExpired" };

        Assert.Equal("CertificationExpired", (await _authorizations.CheckOperatorAsync(Operator(), "BUILDING_PERMIT", default))!.Reason);
    }

    [Fact]
    public async Task Only_operators_with_an_office_and_a_national_id_are_asked_about()
    {
        var reviewer = Caller.From(new ClaimsPrincipal(new ClaimsIdentity([new(CityClaims.Subject, "r"), new(CityClaims.Role, Roles.DistrictReviewer)], "Bearer")));
        var anonymousOperator = Caller.From(new ClaimsPrincipal(new ClaimsIdentity([new(CityClaims.Subject, "o"), new(CityClaims.Role, Roles.OfficeOperator)], "Bearer")));

        Assert.Equal("RoleNotAllowed", (await _authorizations.CheckOperatorAsync(reviewer, "BUILDING_PERMIT", default))!.Reason);
        Assert.Equal("OperatorIdentityMissing", (await _authorizations.CheckOperatorAsync(anonymousOperator, "BUILDING_PERMIT", default))!.Reason);
        Assert.Empty(_offices.Requests);
    }

    [Fact]
    public void A_reviewer_acts_only_in_their_district()
    {
        var reviewer = Caller.From(new ClaimsPrincipal(new ClaimsIdentity([new(CityClaims.Subject, "r"), new(CityClaims.Role, Roles.DistrictReviewer), new(CityClaims.District, "7")], "Bearer")));

        Assert.Null(OfficeAuthorizations.CheckReviewer(reviewer, 7));
        Assert.Equal("WrongDistrict", OfficeAuthorizations.CheckReviewer(reviewer, 8)!.Reason);
        Assert.Equal("RoleNotAllowed", OfficeAuthorizations.CheckReviewer(Operator(), 7)!.Reason);
    }

    private static AuthorizeServiceReply Allowed(DateTimeOffset until) => new() { Allowed = true, ExpiresAt = until.ToString("O") };

    private sealed class FakeOfficeManagement : CallInvoker
    {
        public AuthorizeServiceReply Reply { get; set; } = new() { Allowed = true };

        public List<AuthorizeServiceRequest> Requests { get; } = [];

        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
        {
            Requests.Add((AuthorizeServiceRequest)(object)request);
            return new AsyncUnaryCall<TResponse>(Task.FromResult((TResponse)(object)Reply), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
        }

        public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) => throw new NotSupportedException();

        public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) => throw new NotSupportedException();

        public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) => throw new NotSupportedException();

        public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) => throw new NotSupportedException();
    }

#pragma warning disable CS0618 // MemoryCache still takes its clock as ISystemClock.
    private sealed class FakeClock(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
#pragma warning restore CS0618
}
