using System.Net;
using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;
using CityEServices.Stack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace CityEServices.Faults.Tests;

/// <summary>
/// The launcher starts a service again only when Kestrel says its port was taken: read from what Kestrel
/// really writes, so a reworded message cannot silently turn the retry off, nor widen it to real crashes.
/// </summary>
[Collection(FaultStackCollection.Name)]
public sealed class StartupCrashTests(FaultStackFixture stack)
{
    [Fact]
    public void A_local_server_that_stops_while_the_stack_starts_is_started_once_more_and_runs()
    {
        Assert.Contains(stack.Said, line => line.StartsWith($"{FaultStackFixture.FlakyServer} stopped while starting (", StringComparison.Ordinal)
            && line.Contains("node down: nodistribution", StringComparison.Ordinal) && line.EndsWith("starting it again", StringComparison.Ordinal));
        Assert.True(stack.App.ResourceNotifications.TryGetCurrentState(FaultStackFixture.FlakyServer, out var current));
        Assert.Equal(KnownResourceStates.Running, current.Snapshot.State?.Text);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_service_whose_port_is_taken_is_recognised_by_Kestrels_own_words()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var app = builder.Build();

        var crash = await Assert.ThrowsAsync<IOException>(() => app.StartAsync());

        // As an unhandled exception reaches the process's stderr, line by line.
        var lastLines = $"Unhandled exception. {crash}".Split('\n');
        Assert.True(StartupCrash.LostItsPort(lastLines), string.Join('\n', lastLines));
        Assert.Contains($":{port}", StartupCrash.BindError(lastLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Any_other_crash_is_not_retried()
    {
        string[] lastLines =
        [
            "Unhandled exception. Npgsql.PostgresException (0x80004005): 23505: duplicate key value violates unique constraint",
            "   at Program.<Main>$(String[] args) in /services/Identity/Program.cs:line 29",
        ];

        Assert.False(StartupCrash.LostItsPort(lastLines));
    }

    [Fact]
    public void A_logs_last_errors_are_read_with_their_exceptions_and_nothing_after_them()
    {
        // As a service's console logger writes them and Aspire hands them over: a time stamp, colours, an indented body.
        static string Entry(string level, string message) => $"2026-12-06T10:19:05.2980000Z \u001b[41m\u001b[30m{level}\u001b[39m\u001b[22m\u001b[49m: {message}";
        string[] log =
        [
            Entry("fail", "Health check masstransit-bus: Broker unreachable"),
            "2026-12-06T10:18:37.2330000Z       MassTransit.RabbitMqConnectionException: Broker unreachable",
            Entry("info", "Now listening on: http://127.0.0.1:5000"),
            Entry("fail", "CityEServices.ServiceDefaults.Problems.CityExceptionHandler[1]"),
            "2026-12-06T10:19:05.2980000Z       Unhandled exception for POST /connect/token",
            "2026-12-06T10:19:05.2980000Z       System.InvalidOperationException: Reading is not allowed after reader was completed.",
            Entry("warn", "Rate limits cannot reach Redis"),
            "2026-12-06T10:19:05.2990000Z       a warning's own second line",
        ];

        var last = StartupCrash.LastFailures(log, kept: 1).ToList();

        Assert.Equal(log[3..6], last);
        Assert.Equal([.. log[..2], .. log[3..6]], StartupCrash.LastFailures(log, kept: 3));
    }
}
