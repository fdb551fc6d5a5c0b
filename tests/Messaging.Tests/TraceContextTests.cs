using System.Diagnostics;
using CityEServices.Messaging.Outbox;
using CityEServices.Messaging.Tests.Infrastructure;
using CityEServices.TestSupport;

namespace CityEServices.Messaging.Tests;

[Collection(ServersCollection.Name)]
public sealed class TraceContextTests(Servers servers, ITestOutputHelper output)
{
    private static readonly ActivitySource TestSource = new("CityEServices.Messaging.Tests.Requests");

    [Fact(Timeout = 60_000)]
    public Task The_consumer_continues_the_publishers_trace_when_telemetry_samples_messaging() =>
        // What ServiceDefaults' OpenTelemetry listens to: our sources and MassTransit's.
        AssertTraceContinuesAsync(source => source.Name.StartsWith("CityEServices.", StringComparison.Ordinal) || source.Name == "MassTransit");

    [Fact(Timeout = 60_000)]
    public Task The_consumer_continues_the_publishers_trace_even_when_nothing_samples_messaging() =>
        AssertTraceContinuesAsync(source => source.Name == TestSource.Name);

    private async Task AssertTraceContinuesAsync(Func<ActivitySource, bool> listenTo)
    {
        // The test's source must exist before the listener is added: created from inside ShouldListenTo
        // (the static field's first use) it would miss the listener being added.
        Assert.NotNull(TestSource);
        using var listener = new ActivityListener
        {
            ShouldListenTo = listenTo,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        await using var host = await MessagingHost.StartAsync(servers, output, bus => bus.AddConsumer<FileOpenedConsumer>());

        var integrationEvent = Events.FileOpened("traced-1");
        ActivityTraceId requestTrace;
        using (var request = TestSource.StartActivity("open file", ActivityKind.Server))
        {
            Assert.NotNull(request);
            requestTrace = request.TraceId;
            await host.WithDbAsync(async db =>
            {
                db.Widgets.Add(new Widget { Name = "traced-1" });
                db.PublishOnCommit(integrationEvent);
                await db.SaveChangesAsync();
            });
        }

        await Eventually.WithinAsync(host.Observations.WhenHandled(integrationEvent.EventId), TimeSpan.FromSeconds(20), "the event is consumed");
        Assert.Equal(requestTrace, host.Observations.TraceIdSeen(integrationEvent.EventId));
    }
}
