namespace CityEServices.Notifications.Consumers;

public static class EventConsumers
{
    /// <summary>
    /// An <see cref="EventConsumer{TEvent}"/> for every event the catalog names, each on a queue of its own
    /// (<c>notifications-urban-planning-file-opened</c>, …), so a message that keeps failing holds up
    /// only its own type. Internal events are not consumed.
    /// </summary>
    public static void AddEventConsumers(this IBusRegistrationConfigurator bus, string serviceName)
    {
        var register = typeof(EventConsumers).GetMethod(nameof(AddEventConsumer), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        foreach (var descriptor in EventCatalog.Named)
        {
            register.MakeGenericMethod(descriptor.EventType).Invoke(null, [bus, serviceName]);
        }

        // Internal, so not in the catalog's loop: citizens' sign-in codes, texted and never logged.
        bus.AddConsumer<SignInCodeConsumer>().Endpoint(endpoint => endpoint.Name = QueueName(serviceName, typeof(CitizenSignInCodeIssued)));
    }

    /// <summary>The queue a type's consumer reads: the service's name and the event's, in kebab case.</summary>
    public static string QueueName(string serviceName, Type eventType) =>
        $"{serviceName}-{KebabCaseEndpointNameFormatter.Instance.SanitizeName(eventType.Name)}";

    private static void AddEventConsumer<TEvent>(IBusRegistrationConfigurator bus, string serviceName)
        where TEvent : Contracts.Events.IntegrationEvent =>
        bus.AddConsumer<EventConsumer<TEvent>>().Endpoint(endpoint => endpoint.Name = QueueName(serviceName, typeof(TEvent)));
}
