package coop.commonscloud.catalogue;

/** A catalogue application with the verdict on its licence as the rule stands today. */
public record Application(ApplicationId id, ApplicationDetails details, LicenceVerdict licenceVerdict) {
}
