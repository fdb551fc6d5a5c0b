using System.Net;
using System.Net.Http.Json;
using CityEServices.Contracts.Security;
using CityEServices.Notifications.IntegrationTests.Infrastructure;
using static CityEServices.Notifications.IntegrationTests.Infrastructure.Webhooks;

namespace CityEServices.Notifications.IntegrationTests;

/// <summary>The webhook API: who may subscribe, to what, at which URLs (SSRF), and what a client sees of its subscriptions.</summary>
[Collection(ServersCollection.Name)]
public sealed class SubscriptionApiTests : ServiceTest<NotificationsService>, IClassFixture<NotificationsService>
{
    private const string HookUrl = "https://hooks.public.test/city";


    public SubscriptionApiTests(NotificationsService service, ITestOutputHelper output)
        : base(service, output)
    {
        Service.Dns.Answer("hooks.public.test", "93.184.216.34");
        Service.Dns.Answer("hooks.internal.test", "93.184.216.34", "10.0.0.7");
        Service.Dns.Answer("metadata.internal.test", "169.254.169.254");
    }


    [Fact]
    public async Task A_client_subscribes_and_gets_a_secret_once_that_no_cache_may_keep()
    {
        var (_, token) = NewClient(Scopes.UrbanPlanningRead);
        using var client = Service.CreateClient(token);

        using var response = await client.SubscribeAsync(HookUrl, [FileOpened, StatusChanged], "بانک ملی، پرونده‌ها");
        var created = await response.AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"{SubscriptionsPath}/{id}", response.Headers.Location?.ToString());
        var secret = created.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret);
        Assert.InRange(Convert.FromBase64String(secret["whsec_".Length..]).Length, 24, 64);

        var read = await (await client.GetAsync($"{SubscriptionsPath}/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(HookUrl, read.GetProperty("url").GetString());
        Assert.Equal([FileOpened, StatusChanged], read.GetProperty("eventTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("بانک ملی، پرونده‌ها", read.GetProperty("description").GetString());
        Assert.False(read.TryGetProperty("secret", out _), "the secret is shown only when it is made");

        var list = await (await client.GetAsync(SubscriptionsPath)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(id, list.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Another_clients_subscription_is_not_found_whatever_is_asked_of_it()
    {
        var owner = await Service.SubscribeAsync(HookUrl, [FileOpened]);
        var (_, otherToken) = NewClient(Scopes.UrbanPlanningRead);
        using var other = Service.CreateClient(otherToken);

        await (await other.GetAsync($"{SubscriptionsPath}/{owner.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"{SubscriptionsPath}/{owner.Id}/deliveries")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsync($"{SubscriptionsPath}/{owner.Id}/secret", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.PostAsJsonAsync($"{SubscriptionsPath}/{owner.Id}/replay", new { from = "2026-01-01T00:00:00Z", to = "2026-01-02T00:00:00Z" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.DeleteAsync($"{SubscriptionsPath}/{owner.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"{SubscriptionsPath}/not-an-id")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await other.GetAsync(SubscriptionsPath)).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());

        using var mine = Service.CreateClient(owner.Token);
        await (await mine.GetAsync($"{SubscriptionsPath}/{owner.Id}")).AssertJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Only_integrator_clients_with_the_webhooks_scope_subscribe()
    {
        using var admin = Service.CreateClient(TestTokens.Admin());
        var staff = await (await admin.SubscribeAsync(HookUrl, [FileOpened])).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("RoleNotAllowed", staff.GetProperty("reason").GetString());

        using var noScope = Service.CreateClient(TestTokens.Integrator("reader-only", Scopes.UrbanPlanningRead));
        var scope = await (await noScope.SubscribeAsync(HookUrl, [FileOpened])).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("insufficient_scope", scope.GetProperty("reason").GetString());

        using var anonymous = Service.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SubscribeAsync(HookUrl, [FileOpened])).StatusCode);
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM webhook_subscriptions WHERE url = @u", ("u", HookUrl + "/staff")));
    }

    [Fact]
    public async Task Event_types_must_exist_and_be_open_to_the_clients_scopes()
    {
        var (clientId, token) = NewClient(Scopes.UrbanPlanningRead);
        using var client = Service.CreateClient(token);

        var errors = await (await client.SubscribeAsync(HookUrl,
            [FileOpened, DocumentArchived, "ir.tehran.city.urban-planning.file-closed", "ir.tehran.city.office-management.licence-changed"])).AssertValidationProblemAsync();

        Assert.False(errors.TryGetProperty("eventTypes[0]", out _));
        Assert.Contains("archive.read", errors.GetProperty("eventTypes[1]")[0].GetString());
        Assert.Contains("not an event type", errors.GetProperty("eventTypes[2]")[0].GetString());
        Assert.Contains("not offered", errors.GetProperty("eventTypes[3]")[0].GetString());
        await (await client.SubscribeAsync(HookUrl, [])).AssertValidationProblemAsync();
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM webhook_subscriptions WHERE client_id = @c", ("c", clientId)));

        using var archiveReader = Service.CreateClient(NewClient(Scopes.ArchiveRead).Token);
        await (await archiveReader.SubscribeAsync(HookUrl, [DocumentArchived])).AssertJsonAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("http://hooks.public.test/city", "https")]
    [InlineData("https://10.0.0.5/hook", "private")]
    [InlineData("https://192.168.1.20/hook", "private")]
    [InlineData("https://172.20.0.1/hook", "private")]
    [InlineData("https://169.254.169.254/latest/meta-data", "link-local")]
    [InlineData("https://[fe80::1]/hook", "link-local")]
    [InlineData("https://[fd00::1]/hook", "unique-local")]
    [InlineData("https://100.64.0.1/hook", "carrier-grade NAT")]
    [InlineData("https://224.0.0.1/hook", "multicast")]
    [InlineData("https://0.0.0.0/hook", "unspecified")]
    [InlineData("https://[::ffff:10.0.0.1]/hook", "private")]
    [InlineData("https://hooks.internal.test/hook", "10.0.0.7")]
    [InlineData("https://metadata.internal.test/hook", "169.254.169.254")]
    [InlineData("https://admin:secret@hooks.public.test/hook", "credentials")]
    [InlineData("https://nowhere.invalid/hook", "could not be resolved")]
    public async Task Urls_that_lead_inside_a_network_are_refused_and_nothing_is_written(string url, string why)
    {
        var (clientId, token) = NewClient(Scopes.UrbanPlanningRead);
        using var client = Service.CreateClient(token);

        var errors = await (await client.SubscribeAsync(url, [FileOpened])).AssertValidationProblemAsync();

        Assert.Contains(why, errors.GetProperty("url")[0].GetString());
        Assert.Equal(0, await Service.CountAsync("SELECT count(*) FROM webhook_subscriptions WHERE client_id = @c", ("c", clientId)));
    }

    [Fact]
    public async Task Development_takes_a_subscriber_on_loopback()
    {
        var (_, token) = NewClient(Scopes.UrbanPlanningRead);
        using var client = Service.CreateClient(token);

        await (await client.SubscribeAsync("http://127.0.0.1:9/hook", [FileOpened])).AssertJsonAsync(HttpStatusCode.Created);
        await (await client.SubscribeAsync("http://localhost:9/hook", [FileOpened])).AssertJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Rotating_gives_a_new_secret_once_and_says_until_when_the_old_one_signs()
    {
        var subscription = await Service.SubscribeAsync(HookUrl, [FileOpened]);
        using var client = Service.CreateClient(subscription.Token);

        using var response = await client.PostAsync($"{SubscriptionsPath}/{subscription.Id}/secret", null);
        var rotated = await response.AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var secret = rotated.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret);
        Assert.NotEqual(subscription.Secret, secret);
        var until = rotated.GetProperty("previousSecretExpiresAt").GetProperty("utc").GetDateTimeOffset();
        Assert.InRange(until - DateTimeOffset.UtcNow, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24.1));
        var read = await (await client.GetAsync($"{SubscriptionsPath}/{subscription.Id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(until, read.GetProperty("previousSecretExpiresAt").GetProperty("utc").GetDateTimeOffset());
    }

    [Fact]
    public async Task Deleting_ends_a_subscription_for_its_client()
    {
        var subscription = await Service.SubscribeAsync(HookUrl, [FileOpened]);
        using var client = Service.CreateClient(subscription.Token);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{SubscriptionsPath}/{subscription.Id}")).StatusCode);

        await (await client.GetAsync($"{SubscriptionsPath}/{subscription.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.DeleteAsync($"{SubscriptionsPath}/{subscription.Id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await client.GetAsync(SubscriptionsPath)).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_client_holds_a_bounded_number_of_subscriptions()
    {
        var (clientId, token) = NewClient(Scopes.UrbanPlanningRead);
        using var client = Service.CreateClient(token);
        for (var i = 0; i < 5; i++)
        {
            await (await client.SubscribeAsync($"{HookUrl}/{i}", [FileOpened])).AssertJsonAsync(HttpStatusCode.Created);
        }

        var problem = await (await client.SubscribeAsync($"{HookUrl}/6", [FileOpened])).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("SubscriptionLimit", problem.GetProperty("reason").GetString());
        Assert.Equal(5, await Service.CountAsync("SELECT count(*) FROM webhook_subscriptions WHERE client_id = @c", ("c", clientId)));
    }

    [Fact]
    public async Task Lists_take_their_filters_as_text_and_refuse_bad_ones_per_field()
    {
        var subscription = await Service.SubscribeAsync(HookUrl, [FileOpened]);
        using var client = Service.CreateClient(subscription.Token);

        var errors = await (await client.GetAsync($"{SubscriptionsPath}/{subscription.Id}/deliveries?status=Lost&pageSize=500")).AssertValidationProblemAsync();
        Assert.True(errors.TryGetProperty("status", out _));
        Assert.True(errors.TryGetProperty("pageSize", out _));
        await (await client.GetAsync($"{SubscriptionsPath}?page=0")).AssertValidationProblemAsync();

        var replay = await (await client.PostAsJsonAsync($"{SubscriptionsPath}/{subscription.Id}/replay", new { from = "yesterday", to = "2026-01-01T00:00:00Z" })).AssertValidationProblemAsync();
        Assert.True(replay.TryGetProperty("from", out _));
        var backwards = await (await client.PostAsJsonAsync($"{SubscriptionsPath}/{subscription.Id}/replay", new { from = "2026-01-02T00:00:00Z", to = "2026-01-01T00:00:00Z" })).AssertValidationProblemAsync();
        Assert.True(backwards.TryGetProperty("to", out _));
    }
}
