import { describe, expect, it } from 'vitest'
import { classifyMessage } from './classify.js'
import type { Intent } from './types.js'

/**
 * A held-out set: customer messages written afresh, after the rules in classify.ts and not from them,
 * in the wording customers use (short, rambling, polite, angry), each with the intent an experienced
 * agent would give it. classify.test.ts scores the phrases the rules were written from; this scores
 * messages the classifier has not seen. Never tune the rules to this set or edit a message to make it
 * pass: add new messages instead, and move the floor only to what is measured.
 */

const heldOutMessages: readonly { subject: string; body: string; intent: Intent }[] = [
  // bill_query
  {
    subject: 'Query',
    body: 'Hi, just opened my latest bill and it is about three times what we usually get for December. Nothing has changed in the house. Can someone look at it?',
    intent: 'bill_query',
  },
  {
    subject: 'what is this charge',
    body: 'there is a line on my bill called "adjustment" for £43.10 and i have no idea what it is for',
    intent: 'bill_query',
  },
  {
    subject: 'Bill for the shop',
    body: 'The VAT on our electricity invoice for the café looks wrong, we should be on the reduced rate surely?',
    intent: 'bill_query',
  },
  {
    subject: '',
    body: 'Can you go through my last statement with me? The numbers do not add up to what I was expecting.',
    intent: 'bill_query',
  },
  {
    subject: 'Gas usage on bill',
    body: 'According to my bill I used 1,900 kWh of gas in November. That cannot be right for a one-bed flat.',
    intent: 'bill_query',
  },
  // payment
  {
    subject: 'Sent money',
    body: 'I transferred £85 to you on Monday using the reference on my letter. Can you confirm you got it?',
    intent: 'payment',
  },
  {
    subject: 'Paying',
    body: 'Do you take payments over the phone? I do not have internet banking.',
    intent: 'payment',
  },
  {
    subject: 'Card not working on your site',
    body: 'Every time I try to put my card details in on the website it just says something went wrong. I want to clear my balance today.',
    intent: 'payment',
  },
  {
    subject: '',
    body: 'Paid at the post office with my payment card this morning, £40. Just letting you know.',
    intent: 'payment',
  },
  // payment_arrangement
  {
    subject: 'Help with balance',
    body: 'I lost my job in October and I am behind with the bills. Is there any way I could pay a bit each week?',
    intent: 'payment_arrangement',
  },
  {
    subject: 'Letter about money owed',
    body: 'Got a red letter saying I owe £412. I can manage £30 a month, would that be ok?',
    intent: 'payment_arrangement',
  },
  {
    subject: '',
    body: 'Money is really tight at the moment. Could I split the outstanding amount over the next six months?',
    intent: 'payment_arrangement',
  },
  {
    subject: 'Repayments',
    body: 'I missed two of my agreed repayments because of a family emergency. Can we restart the plan?',
    intent: 'payment_arrangement',
  },
  // direct_debit
  {
    subject: 'Monthly amount',
    body: 'Why have you put my DD up to £180? I have always paid £95 and I am in credit.',
    intent: 'direct_debit',
  },
  {
    subject: 'Set up',
    body: 'I would like to start paying by direct debit from my Nationwide account, what do you need from me?',
    intent: 'direct_debit',
  },
  {
    subject: '',
    body: 'My wages come in on the 25th so could the money be taken on the 26th each month instead of the 1st?',
    intent: 'direct_debit',
  },
  {
    subject: 'Bank details changed',
    body: 'I have switched banks. Please take my monthly payment from the new account from next month.',
    intent: 'direct_debit',
  },
  // move
  {
    subject: 'Moving',
    body: 'We are relocating to Leeds at the end of January. How do I close the account for this address?',
    intent: 'move',
  },
  {
    subject: 'Previous occupant',
    body: 'Letters keep coming here for the person who lived here before me. I took over the flat on 3 November and want the supply in my own name.',
    intent: 'move',
  },
  {
    subject: 'Mum’s house',
    body: 'My mother is going into a care home and the house is being sold, what happens to her electricity account?',
    intent: 'move',
  },
  {
    subject: '',
    body: 'Handing the keys back to the landlord on Saturday, I will send the last readings that morning.',
    intent: 'move',
  },
  // meter_reading
  {
    subject: 'Reading',
    body: 'Electric 23977, gas 08812, taken today at 9am.',
    intent: 'meter_reading',
  },
  {
    subject: 'Bill based on guesses',
    body: 'You keep guessing how much I use instead of using what the meter says. Please use a proper reading.',
    intent: 'meter_reading',
  },
  {
    subject: '',
    body: 'I have attached a photo of the meter, the number on it is much lower than the one on my bill.',
    intent: 'meter_reading',
  },
  {
    subject: 'Which number',
    body: 'My meter has two rows of numbers, a day one and a night one. Which one do you want me to send?',
    intent: 'meter_reading',
  },
  // smart_meter
  {
    subject: 'Display blank',
    body: 'The little screen in the kitchen that shows what we are using has gone blank and will not come back on.',
    intent: 'smart_meter',
  },
  {
    subject: 'Appointment',
    body: 'I got a text offering to swap my old meter for a smart one. When is the earliest an engineer could come?',
    intent: 'smart_meter',
  },
  {
    subject: '',
    body: 'Since the new meter was put in I still get asked for readings every month. Is it actually talking to you?',
    intent: 'smart_meter',
  },
  {
    subject: 'SMETS1',
    body: 'My smart meter went dumb when I switched to you. Can it be updated remotely?',
    intent: 'smart_meter',
  },
  // complaint
  {
    subject: 'Fed up',
    body: 'This is the fourth time I have written about the same problem and still nothing. I want this dealt with properly by someone senior.',
    intent: 'complaint',
  },
  {
    subject: 'Rude call handler',
    body: 'The person I spoke to yesterday was rude and hung up on me. I expect an apology.',
    intent: 'complaint',
  },
  {
    subject: '',
    body: 'Absolutely shocking service from start to finish. Eight weeks and my account is still wrong.',
    intent: 'complaint',
  },
  {
    subject: 'Formal',
    body: 'Please treat this email as a formal complaint about the way my switch was handled.',
    intent: 'complaint',
  },
  // refund
  {
    subject: 'Credit',
    body: 'I closed my account in September and there was £64 left over. I still have not had it returned.',
    intent: 'refund',
  },
  {
    subject: 'Charged twice',
    body: 'You took my payment twice on the 1st. Please put the second one back into my account.',
    intent: 'refund',
  },
  {
    subject: '',
    body: 'My balance is showing £310 in my favour. I would like that paid into my bank please.',
    intent: 'refund',
  },
  {
    subject: 'Refund request',
    body: 'Can I get back the extra I paid over the summer?',
    intent: 'refund',
  },
  // tariff
  {
    subject: 'Cheaper deal?',
    body: 'My fix ends next month. What deals have you got that would suit a family of four?',
    intent: 'tariff',
  },
  {
    subject: 'Night rate',
    body: 'We have storage heaters. Are we on the right plan to get the cheap overnight electricity?',
    intent: 'tariff',
  },
  {
    subject: '',
    body: 'How much is a kWh on the plan I am on now, and has it changed since October?',
    intent: 'tariff',
  },
  {
    subject: 'Car charging',
    body: 'Just got a Tesla and a home charger. Which of your plans gives the cheapest charging overnight?',
    intent: 'tariff',
  },
  // export
  {
    subject: 'Panels on roof',
    body: 'We had 12 panels fitted in the spring. How do we get paid for what goes back to the network?',
    intent: 'export',
  },
  {
    subject: '',
    body: 'My export meter MPAN is on the certificate from the installer, what else do you need to sign me up?',
    intent: 'export',
  },
  {
    subject: 'Payments for my solar',
    body: 'I have not been credited anything for the electricity my solar sent out since July.',
    intent: 'export',
  },
  {
    subject: 'Home battery',
    body: 'Can I sell electricity from my home battery back at peak times?',
    intent: 'export',
  },
  // vulnerability
  {
    subject: 'My dad',
    body: 'My father is 91, lives alone and has dementia. Please make sure he is never cut off and contact me instead of him.',
    intent: 'vulnerability',
  },
  {
    subject: '',
    body: 'I use a wheelchair and cannot get down to read the meter in the cellar. Is there help for people like me?',
    intent: 'vulnerability',
  },
  {
    subject: 'Bereavement',
    body: 'My wife passed away last week and the account was in her name. I do not know what to do.',
    intent: 'vulnerability',
  },
  {
    subject: 'Power cut worry',
    body: 'My son needs an oxygen concentrator at night, we need to know about any planned power cuts.',
    intent: 'vulnerability',
  },
  // other
  {
    subject: 'New phone number',
    body: 'My mobile number has changed, it is now 07700 900123.',
    intent: 'other',
  },
  {
    subject: 'Account access',
    body: 'The portal keeps telling me my login code is wrong.',
    intent: 'other',
  },
  {
    subject: 'Name change',
    body: 'I got married in August, please change the name on the account to Mrs Patel.',
    intent: 'other',
  },
  {
    subject: '',
    body: 'Do you have an office I can visit in person?',
    intent: 'other',
  },
]

/**
 * What the classifier gets right on this set, measured when the set was written: 20 of 53 (37.7%),
 * against 50 of 50 on the phrases its rules came from. Most misses are `other`: the message says what
 * it is about in words no rule has. A change that gets fewer right fails; one that gets more may
 * raise this number.
 */
const floor = 20

describe('classifying messages the rules were not written from (COM-4, held out)', () => {
  it(`gets at least ${floor} of ${heldOutMessages.length} unseen messages right`, () => {
    const wrong = heldOutMessages
      .map((sample) => ({ ...sample, got: classifyMessage(sample).intent }))
      .filter((sample) => sample.got !== sample.intent)
    const right = heldOutMessages.length - wrong.length
    console.log(
      `held-out accuracy: ${right}/${heldOutMessages.length} = ${((right / heldOutMessages.length) * 100).toFixed(1)}%`,
    )
    for (const sample of wrong) console.log(`  wanted ${sample.intent}, got ${sample.got}: ${sample.body}`)
    expect(heldOutMessages.length).toBeGreaterThanOrEqual(40)
    expect(new Set(heldOutMessages.map((sample) => sample.intent)).size).toBe(13)
    expect(right).toBeGreaterThanOrEqual(floor)
  })
})
