using CityEServices.Contracts.Events;
using CityEServices.Messaging.Outbox;

namespace CityEServices.Messaging.Tests;

public sealed class RabbitMqAddressTests
{
    [Theory]
    [InlineData("amqp://guest:guest@127.0.0.1:5673/", "127.0.0.1", 5673, "/", "guest", "guest", false)]
    [InlineData("amqp://localhost", "localhost", 5672, "/", "guest", "guest", false)]
    [InlineData("amqp://localhost/", "localhost", 5672, "/", "guest", "guest", false)]
    [InlineData("amqp://city:s3cret@broker:5999/%2F", "broker", 5999, "/", "city", "s3cret", false)]
    [InlineData("amqp://city:s3cret@broker/tehran", "broker", 5672, "tehran", "city", "s3cret", false)]
    [InlineData("amqp://city@broker", "broker", 5672, "/", "city", "guest", false)]
    [InlineData("amqp://us%40er:p%40ss%3Aword@broker/v%2Fhost", "broker", 5672, "v/host", "us@er", "p@ss:word", false)]
    [InlineData("amqps://city:s3cret@broker.example", "broker.example", 5671, "/", "city", "s3cret", true)]
    [InlineData("amqps://city:s3cret@broker.example:6000/", "broker.example", 6000, "/", "city", "s3cret", true)]
    [InlineData("amqp://guest:guest@[::1]:5673", "::1", 5673, "/", "guest", "guest", false)]
    public void Parses_an_amqp_uri_with_the_specs_defaults(string uri, string host, int port, string vhost, string user, string password, bool tls)
    {
        var address = RabbitMqAddress.Parse(uri);

        Assert.Equal(host, address.Host);
        Assert.Equal(port, address.Port);
        Assert.Equal(vhost, address.VirtualHost);
        Assert.Equal(user, address.UserName);
        Assert.Equal(password, address.Password);
        Assert.Equal(tls, address.UseTls);
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost:5672")]
    [InlineData("http://guest:guest@localhost:5672/")]
    [InlineData("Host=localhost;Port=5672")]
    public void Refuses_anything_but_an_amqp_uri(string value) =>
        Assert.Throws<InvalidOperationException>(() => RabbitMqAddress.Parse(value));

    [Fact]
    public void Never_prints_the_password() =>
        Assert.DoesNotContain("s3cret", RabbitMqAddress.Parse("amqp://city:s3cret@broker/").ToString());
}

public sealed class OutboxOptionsTests
{
    private const int Samples = 500;

    [Theory]
    [InlineData(-3)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(17)]
    [InlineData(int.MaxValue)]
    public void Retry_delay_stays_within_min_and_max(int attempts)
    {
        var options = new OutboxOptions { MinRetryDelay = TimeSpan.FromMilliseconds(200), MaxRetryDelay = TimeSpan.FromSeconds(30) };
        for (var i = 0; i < Samples; i++)
        {
            var delay = options.RetryDelay(attempts);
            Assert.InRange(delay, options.MinRetryDelay, options.MaxRetryDelay);
        }
    }

    [Fact]
    public void Retry_delay_grows_with_attempts_up_to_the_max()
    {
        var options = new OutboxOptions { MinRetryDelay = TimeSpan.FromMilliseconds(200), MaxRetryDelay = TimeSpan.FromSeconds(30) };
        var first = Enumerable.Range(0, Samples).Select(_ => options.RetryDelay(1)).ToList();
        var late = Enumerable.Range(0, Samples).Select(_ => options.RetryDelay(30)).ToList();

        // First retry: between the min and twice the min.
        Assert.All(first, d => Assert.InRange(d, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400)));
        // Much later: spread up to the max (jitter), and some near it.
        Assert.Contains(late, d => d > TimeSpan.FromSeconds(20));
        Assert.All(late, d => Assert.True(d <= options.MaxRetryDelay));
    }

    [Fact]
    public void Retry_delay_never_exceeds_the_max_even_when_min_is_configured_above_it()
    {
        var options = new OutboxOptions { MinRetryDelay = TimeSpan.FromSeconds(5), MaxRetryDelay = TimeSpan.FromSeconds(1) };
        for (var attempts = 0; attempts < 40; attempts++)
        {
            Assert.Equal(TimeSpan.FromSeconds(1), options.RetryDelay(attempts));
        }
    }

    [Fact]
    public void Retry_delay_with_a_zero_minimum_still_backs_off()
    {
        var options = new OutboxOptions { MinRetryDelay = TimeSpan.Zero, MaxRetryDelay = TimeSpan.FromSeconds(2) };
        Assert.All(Enumerable.Range(0, Samples).Select(_ => options.RetryDelay(3)), d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromMilliseconds(8)));
        Assert.Contains(Enumerable.Range(0, Samples).Select(_ => options.RetryDelay(16)), d => d > TimeSpan.FromSeconds(1));
    }
}

public sealed class EventSerializerTests
{
    [Fact]
    public void Round_trips_a_contracts_event_with_its_identity()
    {
        var original = Events.FileOpened("serial-1") with { OccurredAt = new DateTimeOffset(2025, 3, 21, 8, 30, 0, TimeSpan.Zero) };

        var copy = EventSerializer.Deserialize(EventSerializer.TypeName(original), EventSerializer.Serialize(original));

        Assert.Equal(original, Assert.IsType<UrbanPlanningFileOpened>(copy));
    }

    [Theory]
    [InlineData("System.Object")]
    [InlineData("CityEServices.Contracts.Events.IntegrationEvent")]
    [InlineData("CityEServices.Contracts.Events.NoSuchEvent")]
    [InlineData("CityEServices.Messaging.Tests.Infrastructure.Widget")]
    public void A_stored_type_name_resolves_only_to_a_contracts_event(string typeName) =>
        Assert.Throws<InvalidOperationException>(() => EventSerializer.Deserialize(typeName, "{}"));

    [Fact]
    public void An_event_from_outside_contracts_is_refused_when_queued() =>
        Assert.Throws<ArgumentException>(() => EventSerializer.TypeName(new LocalEvent { OccurredAt = Events.At }));

    private sealed record LocalEvent : IntegrationEvent;
}
