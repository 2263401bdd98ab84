package coop.commonscloud.billing;

/**
 * The region's bank account that people pay into, from the settings {@code commonscloud.region.bank-details.*}
 * (account name, BSB, account number, and the bank's name, which may be left out).
 */
public record BankAccount(String accountName, String bsb, String accountNumber, String bank) {
}
