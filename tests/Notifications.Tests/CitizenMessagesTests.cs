using CityEServices.Contracts.Events;
using CityEServices.Notifications.Domain.Sms;

namespace CityEServices.Notifications.Tests;

public class CitizenMessagesTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    private static UrbanPlanningFileOpened Opened(string? mobile) =>
        new("22001840320", "22-1-2-3-0-0-0", 22, "S22A", "0076229645", "user:7") { OccurredAt = Now, ApplicantMobile = mobile, TrackingCode = "7K3M9QXW2HPRT" };

    private static ServiceRequestStatusChanged Changed(string to) =>
        new(Guid.NewGuid(), "22001840320", "BUILDING_PERMIT", "S22A", "Submitted", to, "user:9", null, false) { OccurredAt = Now };

    [Fact]
    public void An_opened_file_with_a_mobile_gives_its_contact_and_a_message_to_it()
    {
        var opened = Opened("09121234567");
        var contact = CitizenMessages.ContactFrom(opened, Now);
        var message = CitizenMessages.MessageFor(opened, contact, Now);

        Assert.Equal("+989121234567", contact!.Mobile);
        Assert.Equal("+989121234567", message!.Mobile);
        Assert.Equal("7K3M9QXW2HPRT", message.TrackingCode);
        Assert.Equal(SmsTemplates.FileOpened, message.Template);
        Assert.Equal("applicant:22001840320", message.Recipient);
        Assert.Equal(opened.EventId, message.EventId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("12345")]
    public void An_opened_file_without_a_usable_mobile_records_that_and_sends_nothing(string? mobile)
    {
        var opened = Opened(mobile);
        var contact = CitizenMessages.ContactFrom(opened, Now);

        Assert.NotNull(contact);
        Assert.Null(contact.Mobile);
        Assert.Null(CitizenMessages.MessageFor(opened, contact, Now));
    }

    [Fact]
    public void A_status_change_is_owed_to_the_files_applicant_even_before_the_opening_is_heard()
    {
        var message = CitizenMessages.MessageFor(Changed("UnderReview"), contact: null, Now);

        Assert.NotNull(message);
        Assert.Null(message.Mobile);
        Assert.Equal("status:UnderReview", message.Template);
        Assert.Equal("BUILDING_PERMIT", message.ServiceType);
    }

    [Fact]
    public void A_status_change_of_a_file_without_a_mobile_sends_nothing()
    {
        var contact = CitizenMessages.ContactFrom(Opened(null), Now);

        Assert.Null(CitizenMessages.MessageFor(Changed("Paid"), contact, Now));
    }

    [Fact]
    public void Other_events_owe_no_message() =>
        Assert.Null(CitizenMessages.MessageFor(new ServiceRequestSubmitted(Guid.NewGuid(), "22001840320", "BUILDING_PERMIT", "S22A", Now) { OccurredAt = Now }, null, Now));
}
